using System.Runtime.InteropServices;

namespace QgaKit.Json;

/// <summary>
/// One token of a message, 16 bytes. The tokens of a parsed message double as its value tree (pre-order):
/// an opener's <see cref="Aux"/> is the index of its closer, a closer's <see cref="Aux"/> is the number of
/// elements or members. A string's <see cref="Start"/>/<see cref="Length"/> are the decoded UTF-8 bytes once parsed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct JsonToken
{
    public JsonTokenType Type;
    public JsonKind Kind;
    public int Start;
    public int Length;
    public int Aux;
}
