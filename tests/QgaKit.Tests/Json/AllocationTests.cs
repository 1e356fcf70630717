using System;
using QgaKit.Json;
using Xunit;

namespace QgaKit.Tests.Json;

/// <summary>
/// The hot path allocates nothing once warm: parsing a typical request, reading its members, writing its reply,
/// and the stray-byte error. Allocation counts are deterministic (no timing involved).
/// </summary>
public class AllocationTests
{
    private static readonly byte[] Request = "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":123},\"id\":5}\n"u8.ToArray();

    private static long ServeOnce(JsonStreamParser parser, JsonWriter writer, ReadOnlySpan<byte> input)
    {
        long sum = 0;
        parser.Append(input);
        while (parser.TryRead(out var result))
        {
            writer.Reset();
            writer.WriteStartObject();
            if (result.Kind == JsonReadKind.Error)
            {
                writer.WritePropertyName("error"u8);
                writer.WriteStartObject();
                writer.WritePropertyName("class"u8);
                writer.WriteStringUtf8("GenericError"u8);
                writer.WritePropertyName("desc"u8);
                writer.WriteString(result.Error!);
                writer.WriteEndObject();
            }
            else
            {
                var request = result.Value;
                if (request.TryGetProperty("execute"u8, out var execute) && execute.ValueEquals("guest-sync"u8)
                    && execute.ValueEquals("guest-sync")
                    && request.TryGetProperty("arguments"u8, out var arguments)
                    && arguments.TryGetProperty("id"u8, out var id) && id.TryGetInt64(out long value))
                {
                    writer.WritePropertyName("return"u8);
                    writer.WriteNumber(value);
                    sum += value;
                }

                foreach (var member in request.EnumerateObject())
                {
                    if (member.NameEquals("id"u8))
                    {
                        writer.WritePropertyName("id"u8);
                        writer.WriteValue(member.Value);
                    }
                }
            }

            writer.WriteEndObject();
            sum += writer.WrittenCount;
        }

        return sum;
    }

    [Fact]
    public void Parsing_a_request_and_writing_its_reply_allocates_nothing()
    {
        var parser = new JsonStreamParser();
        var writer = new JsonWriter();
        for (int i = 0; i < 200; i++)
        {
            ServeOnce(parser, writer, Request);
        }

        Assert.Equal("{\"return\": 123, \"id\": 5}", System.Text.Encoding.UTF8.GetString(writer.WrittenSpan));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            ServeOnce(parser, writer, Request);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_stray_0xFF_and_its_error_reply_allocate_nothing()
    {
        var parser = new JsonStreamParser();
        var writer = new JsonWriter();
        byte[] input = [0xFF, .. Request, (byte)'}', 0x01];
        for (int i = 0; i < 200; i++)
        {
            ServeOnce(parser, writer, input);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            ServeOnce(parser, writer, input);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Requests_split_across_appends_allocate_nothing()
    {
        var parser = new JsonStreamParser();
        var writer = new JsonWriter();
        for (int i = 0; i < 200; i++)
        {
            ServeOnce(parser, writer, Request.AsSpan(0, 20));
            ServeOnce(parser, writer, Request.AsSpan(20));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            ServeOnce(parser, writer, Request.AsSpan(0, 20));
            ServeOnce(parser, writer, Request.AsSpan(20));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
