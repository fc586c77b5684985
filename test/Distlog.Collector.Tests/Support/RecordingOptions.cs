namespace Distlog.Collector.Tests.Support;

/// <summary>The complex argument of <see cref="RecordingSinkExtensions.Recording"/>.</summary>
public sealed class RecordingOptions
{
    public string Prefix { get; set; } = "";

    public int Width { get; set; }
}
