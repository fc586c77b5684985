using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Distlog.Clef;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Distlog.Benchmarks.Clef;

/// <summary>
/// Writing one event as CLEF: to a reused <see cref="Utf8JsonWriter"/> (the sink's path), through
/// <see cref="ClefFormatter"/> to a reused <see cref="TextWriter"/>, and Serilog's own JsonFormatter as a baseline.
/// </summary>
[MemoryDiagnoser]
public class ClefWriteBenchmarks
{
    readonly LogEvent _event = ClefBenchmarkEvent.Create();
    readonly ArrayBufferWriter<byte> _buffer = new(1024);
    readonly StringWriter _output = new();
    readonly ClefFormatter _formatter = new();
    readonly JsonFormatter _serilogJson = new();
    Utf8JsonWriter? _writer;

    [GlobalSetup]
    public void Setup() => _writer = new Utf8JsonWriter(_buffer, ClefWriter.WriterOptions);

    [Benchmark]
    public int ClefWriterToUtf8JsonWriter()
    {
        _buffer.ResetWrittenCount();
        _writer!.Reset();
        ClefWriter.Write(_event, _writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int ClefFormatterToTextWriter()
    {
        _output.GetStringBuilder().Clear();
        _formatter.Format(_event, _output);
        return _output.GetStringBuilder().Length;
    }

    [Benchmark(Baseline = true)]
    public int SerilogJsonFormatterToTextWriter()
    {
        _output.GetStringBuilder().Clear();
        _serilogJson.Format(_event, _output);
        return _output.GetStringBuilder().Length;
    }
}
