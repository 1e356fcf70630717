using System;
using System.Collections.Generic;

namespace QgaKit.Hosting.CommandLine;

/// <summary>
/// glibc's <c>getopt_long</c> (posix/getopt.c) with its texts: bundled short options (<c>-vd</c>), required arguments
/// attached or in the next word, optional arguments only when attached, long options by exact name or unique prefix,
/// <c>--name=value</c>, <c>--</c>, and permutation (options after non-options still count) unless
/// <c>POSIXLY_CORRECT</c> is set. Non-option words are returned in <see cref="Operands"/>; qemu-ga ignores them.
/// </summary>
public sealed class GetoptParser
{
    private readonly string _argv0;
    private readonly string _shortOptions;
    private readonly IReadOnlyList<GetoptLongOption> _longOptions;
    private readonly bool _posixlyCorrect;

    /// <param name="argv0">Program name for error texts.</param>
    /// <param name="shortOptions">getopt's optstring, e.g. <c>hVvdm:p:F::</c>.</param>
    /// <param name="longOptions">The long option table, in the order getopt lists ambiguous matches.</param>
    /// <param name="posixlyCorrect">Stop at the first non-option, as glibc does when <c>POSIXLY_CORRECT</c> is set.</param>
    public GetoptParser(string argv0, string shortOptions, IReadOnlyList<GetoptLongOption> longOptions, bool posixlyCorrect = false)
    {
        ArgumentNullException.ThrowIfNull(argv0);
        ArgumentNullException.ThrowIfNull(shortOptions);
        ArgumentNullException.ThrowIfNull(longOptions);
        _argv0 = argv0;
        _shortOptions = shortOptions;
        _longOptions = longOptions;
        _posixlyCorrect = posixlyCorrect;
    }

    /// <summary>Non-option words seen so far (filled while <see cref="Parse"/> is enumerated).</summary>
    public List<string> Operands { get; } = new();

    /// <summary>Parses <paramref name="args"/> (without argv[0]) lazily, one option or error at a time, as getopt does:
    /// a caller that stops at the first error sees exactly what qemu-ga sees.</summary>
    public IEnumerable<GetoptItem> Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Operands.Clear();
        var i = 0;
        while (i < args.Count)
        {
            var word = args[i];
            if (word == "--")
            {
                i++;
                break;
            }

            if (word.Length < 2 || word[0] != '-')
            {
                if (_posixlyCorrect)
                {
                    break;
                }

                Operands.Add(word);
                i++;
                continue;
            }

            i++;
            if (word[1] == '-')
            {
                yield return ParseLong(word.Substring(2), args, ref i);
                continue;
            }

            // A cluster of short options: each character is one option until one takes the rest as its argument.
            for (var j = 1; j < word.Length; j++)
            {
                var c = word[j];
                var at = c == ':' || c == ';' ? -1 : _shortOptions.IndexOf(c, StringComparison.Ordinal);
                if (at < 0)
                {
                    yield return Error($"invalid option -- '{c}'");
                    continue;
                }

                var argument = ShortArgument(at);
                if (argument == GetoptArgument.None)
                {
                    yield return new GetoptItem(c, null, null);
                    continue;
                }

                var rest = word.Substring(j + 1);
                if (rest.Length > 0)
                {
                    yield return new GetoptItem(c, rest, null);
                }
                else if (argument == GetoptArgument.Optional)
                {
                    // Optional arguments are taken only when attached: "-F /x" leaves "/x" as a non-option.
                    yield return new GetoptItem(c, null, null);
                }
                else if (i < args.Count)
                {
                    yield return new GetoptItem(c, args[i++], null);
                }
                else
                {
                    yield return Error($"option requires an argument -- '{c}'");
                }

                break;
            }
        }

        for (; i < args.Count; i++)
        {
            Operands.Add(args[i]);
        }
    }

    private GetoptArgument ShortArgument(int at)
    {
        if (at + 1 < _shortOptions.Length && _shortOptions[at + 1] == ':')
        {
            return at + 2 < _shortOptions.Length && _shortOptions[at + 2] == ':' ? GetoptArgument.Optional : GetoptArgument.Required;
        }

        return GetoptArgument.None;
    }

    private GetoptItem ParseLong(string text, IReadOnlyList<string> args, ref int i)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? text : text.Substring(0, equals);
        var found = FindExact(name);
        if (found is null)
        {
            var matches = FindByPrefix(name);
            if (matches.Count == 0)
            {
                return Error($"unrecognized option '--{text}'");
            }

            if (IsAmbiguous(matches))
            {
                var message = $"option '--{text}' is ambiguous; possibilities:";
                foreach (var option in AmbiguousSet(matches))
                {
                    message += $" '--{option.Name}'";
                }

                return Error(message);
            }

            found = matches[0];
        }

        if (equals >= 0)
        {
            if (found.Argument == GetoptArgument.None)
            {
                return Error($"option '--{found.Name}' doesn't allow an argument");
            }

            return new GetoptItem(found.Id, text.Substring(equals + 1), null);
        }

        if (found.Argument == GetoptArgument.Required)
        {
            if (i < args.Count)
            {
                return new GetoptItem(found.Id, args[i++], null);
            }

            return Error($"option '--{found.Name}' requires an argument");
        }

        return new GetoptItem(found.Id, null, null);
    }

    private GetoptLongOption? FindExact(string name)
    {
        foreach (var option in _longOptions)
        {
            if (option.Name == name)
            {
                return option;
            }
        }

        return null;
    }

    // glibc looks at every prefix match; the kit first narrows them to the lowest tier that has one, so that
    // "--h" stays "--help" for qemu-ga 7.2's users although "--hook-log" now starts with "h" too.
    private List<GetoptLongOption> FindByPrefix(string name)
    {
        var matches = new List<GetoptLongOption>();
        var tier = int.MaxValue;
        foreach (var option in _longOptions)
        {
            if (option.Name.StartsWith(name, StringComparison.Ordinal) && option.Tier < tier)
            {
                tier = option.Tier;
            }
        }

        foreach (var option in _longOptions)
        {
            if (option.Tier == tier && option.Name.StartsWith(name, StringComparison.Ordinal))
            {
                matches.Add(option);
            }
        }

        return matches;
    }

    // As glibc: several matches are fine when they all mean the same (has_arg and val), e.g. --block-rpcs and
    // --blacklist for "--b"; the list printed holds the first match and every match that differs from it.
    private static bool IsAmbiguous(List<GetoptLongOption> matches)
    {
        for (var k = 1; k < matches.Count; k++)
        {
            if (Differs(matches[0], matches[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<GetoptLongOption> AmbiguousSet(List<GetoptLongOption> matches)
    {
        yield return matches[0];
        for (var k = 1; k < matches.Count; k++)
        {
            if (Differs(matches[0], matches[k]))
            {
                yield return matches[k];
            }
        }
    }

    private static bool Differs(GetoptLongOption a, GetoptLongOption b) => a.Argument != b.Argument || a.Id != b.Id;

    private GetoptItem Error(string message) => new(GetoptItem.ErrorId, null, $"{_argv0}: {message}");
}
