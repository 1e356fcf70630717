using System;
using QgaKit.Json;

namespace QgaKit.Commands;

// TEMPORARY (agent core): the few argument checks ManualBuiltinsModule needs, in QAPI's order (missing and
// type errors while visiting members, then unexpected members). Replaced by the generator's binding helpers.
internal static class ManualBinding
{
    public static long RequiredInt64(JsonValue arguments, ReadOnlySpan<byte> utf8Name, string name)
    {
        if (!arguments.TryGetProperty(utf8Name, out var value))
        {
            throw new QgaException("Parameter '" + name + "' is missing");
        }

        if (!value.TryGetInt64(out var result))
        {
            throw new QgaException("Invalid parameter type for '" + name + "', expected: integer");
        }

        CheckUnexpected(arguments, utf8Name);
        return result;
    }

    public static void NoArguments(JsonValue arguments) => CheckUnexpected(arguments, default);

    private static void CheckUnexpected(JsonValue arguments, ReadOnlySpan<byte> known)
    {
        foreach (var member in arguments.EnumerateObject())
        {
            if (known.IsEmpty || !member.NameEquals(known))
            {
                throw new QgaException("Parameter '" + member.Name + "' is unexpected");
            }
        }
    }
}
