namespace Distlog.Collector.Ingest;

/// <summary>A JSON LogRecord that is valid JSON but cannot be mapped (wrong types, out of range, too many properties).</summary>
sealed class PythonRecordException(string message) : Exception(message);
