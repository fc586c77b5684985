namespace Distlog.Collector.Journal;

/// <summary>The journal cannot be opened; the message names the folder and the fix.</summary>
sealed class JournalException(string message, Exception inner) : Exception(message, inner);
