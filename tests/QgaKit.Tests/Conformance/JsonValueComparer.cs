using System;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace QgaKit.Tests.Conformance;

/// <summary>Compares two JSON values as values: object members in any order (qemu-ga prints them in hash order),
/// arrays in order, strings by code points, integers exactly. Non-integral numbers compare by their text unless
/// <paramref name="numbersByValue"/> (qemu-ga prints doubles with %.17g; a documented difference).</summary>
public static class JsonValueComparer
{
    public static bool Equal(JsonElement a, JsonElement b, out string where, bool numbersByValue = false)
    {
        where = string.Empty;
        return Walk(a, b, "$", ref where, numbersByValue);
    }

    private static bool Walk(JsonElement a, JsonElement b, string path, ref string where, bool numbersByValue)
    {
        if (a.ValueKind != b.ValueKind)
        {
            where = $"{path}: {a.ValueKind} vs {b.ValueKind}";
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var member in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(member.Name, out var other))
                    {
                        where = $"{path}.{member.Name}: missing on the right";
                        return false;
                    }

                    if (!Walk(member.Value, other, path + "." + member.Name, ref where, numbersByValue))
                    {
                        return false;
                    }
                }

                foreach (var member in b.EnumerateObject())
                {
                    count--;
                    if (!a.TryGetProperty(member.Name, out _))
                    {
                        where = $"{path}.{member.Name}: missing on the left";
                        return false;
                    }
                }

                if (count != 0)
                {
                    where = $"{path}: member counts differ";
                    return false;
                }

                return true;
            case JsonValueKind.Array:
                var la = a.GetArrayLength();
                var lb = b.GetArrayLength();
                if (la != lb)
                {
                    where = $"{path}: {la} vs {lb} elements";
                    return false;
                }

                for (var i = 0; i < la; i++)
                {
                    if (!Walk(a[i], b[i], $"{path}[{i}]", ref where, numbersByValue))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                if (a.GetString() != b.GetString())
                {
                    where = $"{path}: \"{a.GetString()}\" vs \"{b.GetString()}\"";
                    return false;
                }

                return true;
            case JsonValueKind.Number:
                if (NumbersEqual(a.GetRawText(), b.GetRawText(), numbersByValue))
                {
                    return true;
                }

                where = $"{path}: {a.GetRawText()} vs {b.GetRawText()}";
                return false;
            default:
                return true;
        }
    }

    private static bool NumbersEqual(string a, string b, bool byValue)
    {
        if (a == b)
        {
            return true;
        }

        if (IsIntegral(a) && IsIntegral(b))
        {
            return BigInteger.Parse(a, CultureInfo.InvariantCulture) == BigInteger.Parse(b, CultureInfo.InvariantCulture);
        }

        return byValue
            && double.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture).Equals(double.Parse(b, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static bool IsIntegral(string number) => number.AsSpan().IndexOfAny(".eE") < 0;
}
