using Distlog.Clef;
using Distlog.Collector.Plugins.Files;
using Distlog.Collector.Tests.Support;
using Serilog;

namespace Distlog.Collector.Tests.Plugins.Files;

/// <summary>The file plugin against Serilog.Sinks.File itself: same arguments and events, same files and lines.</summary>
public sealed class SerilogFileNamingTests
{
    [TestCase(RollingInterval.Infinite)]
    [TestCase(RollingInterval.Year)]
    [TestCase(RollingInterval.Month)]
    [TestCase(RollingInterval.Day)]
    [TestCase(RollingInterval.Hour)]
    [TestCase(RollingInterval.Minute)]
    public void EachRollingIntervalNamesTheFileAsSerilogDoes(RollingInterval interval)
    {
        AssertSameFiles(new ClefFileOptions("distlog-.clef", interval), [], Lines(1));
    }

    [Test]
    public void RollingOnSizeGoesOnInNumberedFilesAsSerilogDoes()
    {
        AssertSameFiles(new ClefFileOptions("distlog-.clef", RollingInterval.Day, FileSizeLimitBytes: 300, RollOnFileSizeLimit: true,
            RetainedFileCountLimit: null), [], Lines(10));
    }

    [Test]
    public void RetentionDeletesTheOldestFilesAsSerilogDoes()
    {
        string[] existing = ["distlog-20200101.clef", "distlog-20200102.clef", "distlog-20200102_001.clef", "distlog-20200103.clef",
            "distlog-2020.clef", "other.clef", "distlog-.clef.bak"];
        AssertSameFiles(new ClefFileOptions("distlog-.clef", RollingInterval.Day, RetainedFileCountLimit: 3), existing, Lines(1));
    }

    // As ClefFormatter writes them (with @i), so that the received lines the plugin writes match Serilog's file byte for byte.
    static string[] Lines(int count) => Enumerable.Range(1, count).Select(n =>
    {
        var text = new StringWriter();
        new ClefFormatter().Format(ClefReader.Read(Some.ClefLine(n)), text);
        return text.ToString().TrimEnd('\n');
    }).ToArray();

    static void AssertSameFiles(ClefFileOptions options, string[] existing, string[] lines)
    {
        using var serilogFolder = new TempFolder();
        using var pluginFolder = new TempFolder();
        foreach (var name in existing)
        {
            serilogFolder.Write(name, "old\n");
            pluginFolder.Write(name, "old\n");
        }
        AwayFromAMinuteBoundary();

        using (var logger = new LoggerConfiguration().WriteTo.File(new ClefFormatter(), serilogFolder.Combine(options.Path),
            fileSizeLimitBytes: options.FileSizeLimitBytes, rollingInterval: options.RollingInterval,
            rollOnFileSizeLimit: options.RollOnFileSizeLimit, retainedFileCountLimit: options.RetainedFileCountLimit).CreateLogger())
        {
            foreach (var line in lines)
                logger.Write(ClefReader.Read(line));
        }
        using (var sink = new ClefFileSink(options with { Path = pluginFolder.Combine(options.Path) }))
            sink.EmitBatch(Received.Clef(lines));

        var expected = Contents(serilogFolder);
        Assert.That(Contents(pluginFolder), Is.EqualTo(expected), string.Join("\n", expected.Select(f => $"{f.Key}: {f.Value}")));
    }

    static SortedDictionary<string, string> Contents(TempFolder folder) =>
        new(Directory.GetFiles(folder.Path).ToDictionary(f => Path.GetFileName(f), File.ReadAllText), StringComparer.Ordinal);

    static void AwayFromAMinuteBoundary()
    {
        if (DateTime.Now.Second >= 55)
            Thread.Sleep(TimeSpan.FromSeconds(6));
    }
}
