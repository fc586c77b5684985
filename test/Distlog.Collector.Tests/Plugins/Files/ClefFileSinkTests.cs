using System.Text;
using System.Text.Json.Nodes;
using Distlog.Collector.Plugins.Files;
using Distlog.Collector.Tests.Support;
using Serilog;

namespace Distlog.Collector.Tests.Plugins.Files;

public sealed class ClefFileSinkTests
{
    // Valid CLEF that ClefWriter would write differently: spaces, an escaped é, a redundant level, 1.50, key order.
    const string Unusual = """{ "@mt" : "Caf\u00e9 {N}",  "N": 1.50, "@l":"Information", "@t":"2024-05-01T12:00:00.001Z" }""";

    const string PythonRecord =
        """{"levelno": 40, "msg": "disk {full}", "created": 1714564800.5, "name": "app.io", "context": {"key": "7@abc/1"}}""";

    [Test]
    public void TheLinesAreWrittenByteForByteAsTheyWereReceived()
    {
        using var folder = new TempFolder();
        var lines = new[] { Unusual, Some.ClefLine(2), Some.ClefLine(3, level: "Error") };

        using (var sink = Sink(folder))
            sink.EmitBatch(Received.Clef(lines));

        var expected = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        Assert.That(File.ReadAllBytes(folder.Combine("out.clef")), Is.EqualTo(expected));
    }

    [Test]
    public void AnEventThatDidNotArriveAsClefIsFormattedAsClef()
    {
        using var folder = new TempFolder();

        using (var sink = Sink(folder))
            sink.EmitBatch(Received.PythonRecord(PythonRecord));

        var line = JsonNode.Parse(File.ReadAllLines(folder.Combine("out.clef")).Single())!.AsObject();
        Assert.That(((string?)line["@mt"], (string?)line["@l"], (string?)line["TaskKey"]), Is.EqualTo(("disk {{full}}", "Error", "7@abc/1")));
        Assert.That((string?)line["@t"], Is.EqualTo("2024-05-01T12:00:00.5000000Z"));
    }

    [Test]
    public void EachBatchReachesTheFileWithoutWaitingForShutdown()
    {
        using var folder = new TempFolder();
        using var sink = Sink(folder);

        sink.EmitBatch(Received.Clef(Some.ClefLine(1)));
        sink.EmitBatch(Received.Clef(Some.ClefLine(2), Some.ClefLine(3)));

        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Path)), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void BufferedLinesWaitForTheFlushToDiskInterval()
    {
        using var folder = new TempFolder();
        using var sink = Sink(folder, new ClefFileOptions(folder.Combine("out.clef"), RollingInterval.Infinite, Buffered: true,
            FlushToDiskInterval: TimeSpan.FromMilliseconds(200)));

        sink.EmitBatch(Received.Clef(Some.ClefLine(1)));

        Assert.That(File.ReadAllBytes(folder.Combine("out.clef")), Is.Empty);
        Assert.That(Eventually.Holds(() => Stored.ClefLines(folder.Path).Count == 1, TimeSpan.FromSeconds(5)), Is.True);
    }

    [Test]
    public void ARestartAppendsToTheFileItLeft()
    {
        using var folder = new TempFolder();
        for (var i = 1; i <= 2; i++)
        {
            using var sink = Sink(folder);
            sink.EmitBatch(Received.Clef(Some.ClefLine(i)));
        }

        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Path)), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void AtTheSizeLimitWithoutRollingLaterEventsAreDiscarded()
    {
        using var folder = new TempFolder();
        var line = Some.ClefLine(1);

        var options = new ClefFileOptions(folder.Combine("out.clef"), RollingInterval.Infinite, FileSizeLimitBytes: line.Length + 2,
            RollOnFileSizeLimit: false);

        using (var sink = Sink(folder, options))
        {
            sink.EmitBatch(Received.Clef(line, Some.ClefLine(2), Some.ClefLine(3)));
            Assert.That(sink.Discarded, Is.EqualTo(1), "counted, so that the host reports it as dropped");
        }

        // As Serilog's file sink: the check is made before each line, so the line that crosses the limit is written whole.
        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Path)), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(1));
    }

    [Test]
    public void AtTheSizeLimitTheDefaultRollsOnInsteadOfDiscarding()
    {
        using var folder = new TempFolder();
        var line = Some.ClefLine(1);
        var options = new ClefFileOptions(folder.Combine("out.clef"), RollingInterval.Infinite, FileSizeLimitBytes: line.Length + 2);

        using (var sink = Sink(folder, options))
        {
            sink.EmitBatch(Received.Clef(line, Some.ClefLine(2), Some.ClefLine(3)));
            Assert.That(sink.Discarded, Is.Zero);
        }

        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Path)), Is.EquivalentTo(new[] { 1, 2, 3 }), "across the two files");
        Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(2));
    }

    [Test]
    public void BatchesLargerThanTheWriteBufferAreWrittenWholeWithoutGrowingIt()
    {
        using var folder = new TempFolder();
        // Three batches of ~1.5 write buffers each, lines of an uneven length so that one never ends a buffer exactly.
        var batches = Enumerable.Range(0, 3)
            .Select(b => Enumerable.Range(b * 2000, 2000).Select(i => Some.ClefLine(i, application: "app" + new string('x', 1 + i % 97))).ToArray())
            .Select(lines => Received.Clef(lines))
            .ToList();
        Assert.That(batches.Sum(b => b.Count), Is.EqualTo(6000));

        using (var sink = Sink(folder))
        {
            sink.EmitBatch(batches[0]);
            var before = GC.GetAllocatedBytesForCurrentThread();
            sink.EmitBatch(batches[1]);
            sink.EmitBatch(batches[2]);
            // A grown buffer (and its replacement after the write) would be ClefFileSink.BufferSize bytes or more each.
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(ClefFileSink.BufferSize / 4));
        }

        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Path)), Is.EqualTo(Enumerable.Range(0, 6000)));
    }

    [Test]
    public void EveryRolledFileIsClosedWithItsLinesAndNothingIsLeftOpenAfterDisposal()
    {
        using var folder = new TempFolder();
        var options = new ClefFileOptions(folder.Combine("out.clef"), RollingInterval.Infinite, FileSizeLimitBytes: 1000,
            RetainedFileCountLimit: null);

        using (var sink = Sink(folder, options))
        {
            for (var i = 0; i < 300; i += 10)
                sink.EmitBatch(Received.Clef(Enumerable.Range(i, 10).Select(n => Some.ClefLine(n)).ToArray()));

            Assert.That(Directory.GetFiles(folder.Path), Has.Length.GreaterThan(20), "rolled at every second batch or so");
            Assert.That(Eventually.Holds(() => OpenFilesIn(folder.Path) == 1, TimeSpan.FromSeconds(10)), Is.True,
                "only the current file stays open once the rolled ones are synced and closed");
        }

        Assert.That(OpenFilesIn(folder.Path), Is.Zero);
        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Path)), Is.EquivalentTo(Enumerable.Range(0, 300)));
    }

    [Test]
    public void ARollDoesNotWaitForTheRolledFileToBeSyncedAndClosed()
    {
        using var folder = new TempFolder();
        var line = Some.ClefLine(1);
        var options = new ClefFileOptions(folder.Combine("out.clef"), RollingInterval.Infinite, FileSizeLimitBytes: line.Length + 2);
        using var closes = new HeldScheduler();

        using (var sink = new ClefFileSink(options, closes))
        {
            sink.EmitBatch(Received.Clef(line, Some.ClefLine(2), Some.ClefLine(3)));

            // The batch is through and written, the third line in the new file, while the old one still waits to be
            // fsynced and closed.
            Assert.That(Stored.Numbers(Stored.ClefLines(folder.Path)), Is.EquivalentTo(new[] { 1, 2, 3 }));
            Assert.That(OpenFilesIn(folder.Path), Is.EqualTo(2));

            closes.Release();
            Assert.That(Eventually.Holds(() => OpenFilesIn(folder.Path) == 1, TimeSpan.FromSeconds(10)), Is.True);
        }

        Assert.That(OpenFilesIn(folder.Path), Is.Zero);
    }

    /// <summary>Runs nothing until <see cref="Release"/>, then everything queued and queued later, on the thread pool.</summary>
    sealed class HeldScheduler : TaskScheduler, IDisposable
    {
        readonly List<Task> _held = [];
        bool _released;

        public void Release()
        {
            lock (_held)
            {
                _released = true;
                foreach (var task in _held)
                    ThreadPool.QueueUserWorkItem(_ => TryExecuteTask(task));
                _held.Clear();
            }
        }

        public void Dispose() => Release();

        protected override void QueueTask(Task task)
        {
            lock (_held)
            {
                if (_released)
                    ThreadPool.QueueUserWorkItem(_ => TryExecuteTask(task));
                else
                    _held.Add(task);
            }
        }

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks()
        {
            lock (_held)
                return [.. _held];
        }
    }

    /// <summary>How many of this process's file descriptors point into <paramref name="folder"/> (Linux).</summary>
    static int OpenFilesIn(string folder) =>
        new DirectoryInfo("/proc/self/fd").GetFileSystemInfos().Count(fd => fd.LinkTarget?.StartsWith(folder + "/", StringComparison.Ordinal) == true);

    static ClefFileSink Sink(TempFolder folder, ClefFileOptions? options = null) =>
        new(options ?? new ClefFileOptions(folder.Combine("out.clef"), RollingInterval.Infinite));
}
