using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using QgaKit.Json;

namespace QgaKit.Benchmarks;

/// <summary>The JSON stream parser on the requests an agent sees, on big messages and on garbage.</summary>
[MemoryDiagnoser]
public class JsonParserBenchmarks
{
    private static readonly byte[] SyncRequest = "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":123},\"id\":5}\n"u8.ToArray();
    private readonly JsonStreamParser _parser = new();
    private readonly JsonWriter _writer = new();
    private byte[] _bigArray = [];
    private byte[] _longString = [];
    private byte[] _garbage = [];
    private byte[] _escapedString = [];

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append(i).Append(",\"s").Append(i).Append("\",");
        }

        sb.Append("{}]");
        _bigArray = Encoding.ASCII.GetBytes(sb.ToString());
        _longString = Encoding.ASCII.GetBytes("{\"execute\":\"guest-file-write\",\"arguments\":{\"handle\":1,\"buf-b64\":\"" + new string('A', 1 << 20) + "\"}}");
        _escapedString = Encoding.UTF8.GetBytes("[\"" + string.Concat(System.Linq.Enumerable.Repeat("caf\u00e9 \\n \\u00e9 \\ud83d\\ude00 ", 20_000)) + "\"]");
        var random = new Random(1);
        _garbage = new byte[1 << 16];
        random.NextBytes(_garbage);
    }

    /// <summary>One guest-sync request parsed, its members read and its reply written (the agent's hot path).</summary>
    [Benchmark(Baseline = true)]
    public long GuestSyncRoundTrip()
    {
        _parser.Append(SyncRequest);
        long n = 0;
        while (_parser.TryRead(out var result))
        {
            var request = result.Value;
            request.TryGetProperty("execute"u8, out var execute);
            request.TryGetProperty("arguments"u8, out var arguments);
            arguments.TryGetProperty("id"u8, out var idArgument);
            idArgument.TryGetInt64(out long value);
            _writer.Reset();
            _writer.WriteStartObject();
            _writer.WritePropertyName("return"u8);
            _writer.WriteNumber(value);
            if (request.TryGetProperty("id"u8, out var id))
            {
                _writer.WritePropertyName("id"u8);
                _writer.WriteValue(id);
            }

            _writer.WriteEndObject();
            n += _writer.WrittenCount + (execute.ValueEquals("guest-sync"u8) ? 1 : 0);
        }

        return n;
    }

    /// <summary>A 1.5 MB array of 200,000 numbers and strings.</summary>
    [Benchmark]
    public int BigArray() => Drain(_bigArray);

    /// <summary>A 1 MiB base64 argument, as guest-file-write carries.</summary>
    [Benchmark]
    public int LongString() => Drain(_longString);

    /// <summary>A string full of escapes and non-ASCII text.</summary>
    [Benchmark]
    public int EscapedString() => Drain(_escapedString);

    /// <summary>64 KiB of random bytes: one error per stray token.</summary>
    [Benchmark]
    public int Garbage() => Drain(_garbage);

    private int Drain(byte[] input)
    {
        int events = 0;
        for (int off = 0; off < input.Length; off += 4096)
        {
            _parser.Append(input.AsSpan(off, Math.Min(4096, input.Length - off)));
            while (_parser.TryRead(out _))
            {
                events++;
            }
        }

        _parser.Append([0xFF]);
        while (_parser.TryRead(out _))
        {
            events++;
        }

        return events;
    }
}
