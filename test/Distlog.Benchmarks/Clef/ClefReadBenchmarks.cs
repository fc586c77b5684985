using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Distlog.Clef;
using Serilog.Events;

namespace Distlog.Benchmarks.Clef;

/// <summary>
/// Reading one CLEF line into a <see cref="LogEvent"/>, against only parsing it into a
/// <see cref="JsonDocument"/> as a baseline for the JSON work alone.
/// </summary>
[MemoryDiagnoser]
public class ClefReadBenchmarks
{
    readonly byte[] _line = ClefBenchmarkEvent.Line();

    [Benchmark]
    public LogEvent ClefReaderRead() => ClefReader.Read(_line);

    [Benchmark]
    public bool ClefReaderTryRead() => ClefReader.TryRead(_line, out _, out _);

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_line);
        return document.RootElement.GetPropertyCount();
    }
}
