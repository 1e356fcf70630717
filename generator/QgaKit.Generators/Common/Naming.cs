using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QgaKit.Generators.Common;

/// <summary>Name conversions shared by the parsers, the emitters and the code fixes.</summary>
internal static class Naming
{
    private static readonly Regex s_wireName = new("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    /// <summary>QAPI-style names for commands and hooks: lower-case words joined by single dashes.</summary>
    public static bool IsValidWireName(string? name) => name is not null && s_wireName.IsMatch(name);

    /// <summary>
    /// The rules of System.Text.Json's <c>JsonNamingPolicy.KebabCaseLower</c> (JsonSeparatorNamingPolicy), so that
    /// names match what .NET developers already expect: <c>sizeHint</c> → <c>size-hint</c>, <c>IPAddress</c> →
    /// <c>ip-address</c>, <c>SHA512Hash</c> → <c>sha512-hash</c>; other punctuation is kept as is.
    /// </summary>
    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        var state = State.NotStarted;
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            switch (CharUnicodeInfo.GetUnicodeCategory(current))
            {
                case UnicodeCategory.UppercaseLetter:
                    if (state is State.LowercaseLetterOrDigit or State.SpaceSeparator)
                    {
                        builder.Append('-');
                    }
                    else if (state == State.UppercaseLetter && i + 1 < name.Length && char.IsLower(name[i + 1]))
                    {
                        // The last letter of an upper-case run starts the next word (XMLReader → xml-reader).
                        builder.Append('-');
                    }

                    builder.Append(char.ToLowerInvariant(current));
                    state = State.UppercaseLetter;
                    break;
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.DecimalDigitNumber:
                    if (state == State.SpaceSeparator)
                    {
                        builder.Append('-');
                    }

                    builder.Append(current);
                    state = State.LowercaseLetterOrDigit;
                    break;
                case UnicodeCategory.SpaceSeparator:
                    if (state != State.NotStarted)
                    {
                        state = State.SpaceSeparator;
                    }

                    break;
                default:
                    builder.Append(current);
                    state = State.NotStarted;
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary><c>fsfreeze</c> → <c>Fsfreeze</c>, <c>pre-backup</c> → <c>PreBackup</c>.</summary>
    public static string ToPascalCase(string wireName)
    {
        var builder = new StringBuilder(wireName.Length);
        foreach (var part in wireName.Split('-'))
        {
            if (part.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
        }

        return builder.ToString();
    }

    /// <summary>The generated hook class for a hook name: <c>pre-backup</c> → <c>PreBackupHook</c>.</summary>
    public static string HookClassName(string hookName) => ToPascalCase(hookName) + "Hook";

    /// <summary>A hook argument must be something a shell script can match on: not empty, no control characters.</summary>
    public static bool IsPrintableArgument(string? argument)
    {
        if (string.IsNullOrEmpty(argument))
        {
            return false;
        }

        foreach (var c in argument!)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An identifier as C# source: keywords get <c>@</c> (an enum member named <c>@default</c>).</summary>
    public static string Escape(string identifier)
        => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(identifier) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>A C# identifier fragment made from a fully-qualified type name (for generated helper names).</summary>
    public static string ToIdentifier(string fullName)
    {
        var builder = new StringBuilder(fullName.Length);
        foreach (var c in fullName.Replace("global::", string.Empty))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    private enum State
    {
        NotStarted,
        UppercaseLetter,
        LowercaseLetterOrDigit,
        SpaceSeparator,
    }
}
