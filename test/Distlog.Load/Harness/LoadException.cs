namespace Distlog.Load.Harness;

/// <summary>A measurement could not be made (a process did not start, report or stop): the harness reports it and stops.</summary>
sealed class LoadException(string message, Exception? inner = null) : Exception(message, inner);
