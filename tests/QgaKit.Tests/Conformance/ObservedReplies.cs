using System.Collections.Generic;

namespace QgaKit.Tests.Conformance;

/// <summary>
/// qemu-ga 7.2.22's replies to the cases that the reference document does not quote, as observed by this harness
/// (Qemu_ga_answers_every_step prints them in this notation). Re-checked on every run by Qemu_ga_replies_as_recorded.
/// </summary>
internal static class ObservedReplies
{
    public static readonly Dictionary<string, string[][]> ByCase = new()
    {
        ["bare-minus"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '-}'\"}}", "{\"return\": 4}" } },
        ["escaped-nul"] = new[] { new[] { "{\"return\": {}, \"id\": \"a\\u0000b\"}" } },
        ["exponent-without-digits"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '1e}'\"}}", "{\"return\": 4}" } },
        ["ff-chops-request"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"id\": 10, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input lacks member 'execute'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}" } },
        ["ff-inside-keyword"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 3}" } },
        ["ff-inside-number"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 4}" } },
        ["fraction-without-digits"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '1.}'\"}}", "{\"return\": 4}" } },
        ["invalid-escape"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid escape sequence in string\"}}", "{\"return\": 7}" } },
        ["invalid-utf8-outside-string"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 8}" } },
        ["key-not-string"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, key is not a string in object\"}}", "{\"return\": 6}" } },
        ["leading-zero"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '01'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 3}" } },
        ["lone-high-surrogate"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, \\\\ud800 is not a valid Unicode character\"}}", "{\"return\": 7}" } },
        ["lone-low-surrogate"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, \\\\udc00 is not a valid Unicode character\"}}", "{\"return\": 7}" } },
        ["many-garbage-tokens"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid keyword 'a'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid keyword 'b'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid keyword 'c'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input lacks member 'execute'\"}}", "{\"return\": 10}" } },
        ["mismatched-closer"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expected separator in dict\"}}", "{\"return\": 6}" } },
        ["missing-colon"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, missing : in object pair\"}}", "{\"return\": 6}" } },
        ["missing-comma-in-array"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expected separator in list\"}}", "{\"return\": 6}" } },
        ["missing-comma-in-object"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expected separator in dict\"}}", "{\"return\": 6}" } },
        ["missing-value"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 6}" } },
        ["negative-leading-zero"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '-01'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 3}" } },
        ["nested-garbage-in-arguments"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid keyword 'oops'\"}}", "{\"return\": 11}" } },
        ["overlong-nul"] = new[] { new[] { "{\"return\": {}, \"id\": \"a\\u0000b\"}" } },
        ["overlong-slash"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid UTF-8 sequence in string\"}}" } },
        ["percent-interpolation"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '%'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 5}" } },
        ["plus-sign"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '+'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 4}" } },
        ["short-unicode-escape"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, \\\\u12\\\" is not a valid Unicode character\"}}", "{\"return\": 7}" } },
        ["token-count-at-limit"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}" } },
        ["token-count-past-limit"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON token count limit exceeded\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}" } },
        ["token-size-past-limit"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON token size limit exceeded\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid keyword 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\\"}\\n'\"}}" } },
        ["top-level-keyword-then-object"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}", "{\"return\": 9}" } },
        ["top-level-number-ended-by-ff"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}" } },
        ["trailing-comma-in-array"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 6}" } },
        ["trailing-comma-in-object"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 6}" } },
        ["truncated-keyword"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid keyword 'nul'\"}}", "{\"return\": 2}" } },
        ["upper-case-keyword"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray 'T'\"}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expecting value\"}}", "{\"return\": 1}" } },
        ["utf8-above-max"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid UTF-8 sequence in string\"}}" } },
        ["utf8-noncharacter-fffe"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid UTF-8 sequence in string\"}}" } },
        ["utf8-surrogate-encoded"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid UTF-8 sequence in string\"}}" } },
        ["utf8-truncated-before-quote"] = new[] { new[] { "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, invalid UTF-8 sequence in string\"}}" } },
        ["whitespace-only"] = new[] { System.Array.Empty<string>() },
    };

    public static ConformanceCase Apply(ConformanceCase c) =>
        c.Recorded is null && ByCase.TryGetValue(c.Name, out var steps) ? c with { Recorded = steps } : c;
}
