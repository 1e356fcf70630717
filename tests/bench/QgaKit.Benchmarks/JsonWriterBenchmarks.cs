using BenchmarkDotNet.Attributes;
using QgaKit.Json;

namespace QgaKit.Benchmarks;

/// <summary>The writer on the replies an agent sends.</summary>
[MemoryDiagnoser]
public class JsonWriterBenchmarks
{
    private readonly JsonWriter _writer = new();
    private readonly string _ascii = new('x', 4096);
    private readonly string _unicode = string.Concat(System.Linq.Enumerable.Repeat("caf\u00e9 \U0001F600\n", 512));

    [Benchmark(Baseline = true)]
    public int ErrorReply()
    {
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WritePropertyName("id"u8);
        _writer.WriteNumber(99);
        _writer.WritePropertyName("error"u8);
        _writer.WriteStartObject();
        _writer.WritePropertyName("class"u8);
        _writer.WriteStringUtf8("CommandNotFound"u8);
        _writer.WritePropertyName("desc"u8);
        _writer.WriteString("The command guest-nonexistent has not been found");
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        return _writer.WrittenCount;
    }

    [Benchmark]
    public int AsciiString()
    {
        _writer.Reset();
        _writer.WriteString(_ascii);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public int EscapedString()
    {
        _writer.Reset();
        _writer.WriteString(_unicode);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public int Doubles()
    {
        _writer.Reset();
        _writer.WriteStartArray();
        for (int i = 0; i < 100; i++)
        {
            _writer.WriteNumber(i * 0.1);
        }

        _writer.WriteEndArray();
        return _writer.WrittenCount;
    }
}
