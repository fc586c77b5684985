namespace Distlog.Collector.Tests.Support;

/// <summary>One row of the collector's SQLite <c>events</c> table.</summary>
sealed record StoredRow(
    long Id, string Timestamp, int Level, string? Application, string? System, string? Root, string? TaskKey,
    string? Message, string? Exception, string Clef);
