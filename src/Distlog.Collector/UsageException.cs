namespace Distlog.Collector;

/// <summary>A command-line mistake: reported in one line, exit code 2.</summary>
sealed class UsageException(string message) : Exception(message);
