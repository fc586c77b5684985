extern alias distlogd;
using BenchmarkDotNet.Attributes;
using Distlog.Clef;
using Distlog.Transport;
using distlogd::Distlog.Collector.Clef;
using distlogd::Distlog.Collector.Events;
using distlogd::Distlog.Collector.Ingest;
using distlogd::Distlog.Collector.Plugins;
using distlogd::Distlog.Collector.Plugins.Publish;
using Serilog.Core;

namespace Distlog.Benchmarks.Collector;

/// <summary>
/// The collector's path from a received CLEF batch to the plugins, per event: decoding a 100-event message (and, as the
/// baseline, decoding it as distlogd did before the scanner: a <c>LogEvent</c> per line; the scanner alone), the
/// <c>file</c> plugin writing a decoded batch (default arguments: unbuffered, rolling on size so the file stays
/// bounded), both together, and the <c>publish</c> plugin: with no subscriber (it skips the batch), and with one
/// subscribed to a topic no event has (every event handed to libzmq, which filters it out: the cost while someone tails,
/// without a reader competing for the cores).
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    const int Events = 100;

    readonly byte[] _payload = CollectorPayload.Batch(Events);
    readonly MessageDecoder _decoder = new(new RejectionReporter(new IngestCounters(), Logger.None));
    readonly List<IngestedEvent> _decoded = new(Events);
    readonly LineCopier _copier = new();
    Range[] _lines = [];
    readonly EventBatch _batch = new(Events);
    readonly EventBatch _scratch = new(Events);
    readonly string _folder = Path.Combine(Path.GetTempPath(), "distlog-bench-" + Guid.NewGuid().ToString("N"));
    IBatchSink _file = null!;
    IBatchSink _publish = null!;
    PublishSink _watchedPublish = null!;
    ZmqSocket _watcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lines = Lines(_payload);
        Decode(_batch);
        _file = BenchmarkPlugins.Create("file", ("path", Path.Combine(_folder, "bench.clef")), ("rollingInterval", "Infinite"),
            ("fileSizeLimitBytes", "67108864"), ("rollOnFileSizeLimit", "true"), ("retainedFileCountLimit", "2"));
        _publish = BenchmarkPlugins.Create("publish", ("endpoint", "tcp://127.0.0.1:*"));
        _watchedPublish = (PublishSink)BenchmarkPlugins.Create("publish", ("endpoint", "tcp://127.0.0.1:*"));
        _watcher = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        _watcher.Subscribe("XLC/");
        _watcher.Connect(_watchedPublish.Endpoint);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_watchedPublish.HasSubscribers)
        {
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException("The publish plugin never saw its subscriber.");
            Thread.Sleep(60);
            _watchedPublish.EmitBatch(_batch);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _file.Dispose();
        _publish.Dispose();
        _watcher.Dispose();
        _watchedPublish.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Before the scanner: every line read into a <c>LogEvent</c> at ingest (what <c>DecodeBatch</c> did).</summary>
    [Benchmark(OperationsPerInvoke = Events, Baseline = true)]
    public int DecodeBatchBuildingLogEvents()
    {
        var count = 0;
        foreach (var range in _lines)
        {
            var line = _payload.AsSpan(range);
            if (ClefReader.TryRead(line, out var logEvent, out _))
                _decoded.Add(new IngestedEvent(logEvent, 'P', _copier.Copy(line)));
        }
        count += _decoded.Count;
        _decoded.Clear();
        return count;
    }

    /// <summary>The scanner alone: validate and summarise each line, nothing copied or queued.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int ScanLines()
    {
        var count = 0;
        foreach (var range in _lines)
            count += ClefScanner.TryScan(_payload.AsSpan(range), out _) ? 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int DecodeBatch()
    {
        _decoder.Decode("PLC"u8, _payload, _decoded);
        var count = _decoded.Count;
        _decoded.Clear();
        return count;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void FilePluginWrite() => _file.EmitBatch(_batch);

    [Benchmark(OperationsPerInvoke = Events)]
    public void DecodeAndFileWrite()
    {
        Decode(_scratch);
        _file.EmitBatch(_scratch);
        _scratch.Clear();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void PublishPluginWrite() => _publish.EmitBatch(_batch);

    [Benchmark(OperationsPerInvoke = Events)]
    public void PublishPluginWriteWithASubscriber() => _watchedPublish.EmitBatch(_batch);

    static Range[] Lines(byte[] payload)
    {
        var lines = new List<Range>();
        for (var start = 0; start < payload.Length;)
        {
            var end = Array.IndexOf(payload, (byte)'\n', start);
            end = end < 0 ? payload.Length : end;
            lines.Add(start..end);
            start = end + 1;
        }
        return [.. lines];
    }

    void Decode(EventBatch batch)
    {
        _decoder.Decode("PLC"u8, _payload, _decoded);
        foreach (var e in _decoded)
            batch.Add(e);
        _decoded.Clear();
    }
}
