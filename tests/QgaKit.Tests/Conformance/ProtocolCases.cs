using System.Collections.Generic;
using System.Linq;
using static QgaKit.Tests.Conformance.Expect;

namespace QgaKit.Tests.Conformance;

/// <summary>Reference 8.1 (protocol basics), id echo, parameter errors, unknown and disabled commands.</summary>
internal static class ProtocolCases
{
    private const string S81 = "qga-reference 8.1";

    public static IEnumerable<ConformanceCase> All()
    {
        // 8.1 as observed.
        yield return One("ping", S81, "{\"execute\":\"guest-ping\"}\n", Ret("{}"));
        yield return One("ping-without-newline", S81, "{\"execute\":\"guest-ping\"}", Ret("{}"));
        yield return One("sync", S81, Sync(1234) + "\n", Ret("1234"));
        yield return One("sync-delimited", S81, "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":5678}}\n", Delimited(Ret("5678")));
        yield return One("ff-then-sync-delimited", S81 + ", 1.5", "\u00FF{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":42}}\n",
            StrayFF, Delimited(Ret("42")));
        yield return One("unknown-command", S81, "{\"execute\":\"guest-nonexistent\"}\n",
            NotFound("The command guest-nonexistent has not been found"));
        yield return One("ping-unexpected-argument", S81, "{\"execute\":\"guest-ping\",\"arguments\":{\"foo\":42}}\n",
            Err("Parameter 'foo' is unexpected"));
        yield return One("sync-unexpected-argument", S81, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1,\"foo\":2}}\n",
            Err("Parameter 'foo' is unexpected"));
        yield return One("sync-empty-arguments", S81, "{\"execute\":\"guest-sync\",\"arguments\":{}}\n", Err("Parameter 'id' is missing"));
        yield return One("sync-no-arguments", S81, "{\"execute\":\"guest-sync\"}\n", Err("Parameter 'id' is missing"));
        yield return One("sync-id-string", S81, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":\"x\"}}\n",
            Err("Invalid parameter type for 'id', expected: integer"));
        yield return One("ping-id-int", S81, "{\"execute\":\"guest-ping\",\"id\":1}\n", Ret("{}", "1"));
        yield return One("ping-id-string", S81, "{\"execute\":\"guest-ping\",\"id\":\"abc\"}\n", Ret("{}", "\"abc\""));
        yield return One("sync-id-object-first", S81, "{\"id\":{\"a\":[1,2]},\"execute\":\"guest-sync\",\"arguments\":{\"id\":7}}\n",
            Ret("7", "{\"a\": [1, 2]}"));
        yield return One("unknown-command-with-id", S81, "{\"execute\":\"guest-nonexistent\",\"id\":99}\n",
            NotFoundId("99", "The command guest-nonexistent has not been found"));
        yield return One("unexpected-member-with-id", S81, "{\"execute\":\"guest-ping\",\"id\":3,\"foo\":1}\n",
            ErrId("3", "QMP input member 'foo' is unexpected"));
        yield return One("ping-id-null", S81, "{\"execute\":\"guest-ping\",\"id\":null}\n", Ret("{}", "null"));
        yield return One("exec-oob", S81, "{\"exec-oob\":\"guest-ping\"}\n", Err("QMP input member 'exec-oob' is unexpected"));
        yield return One("lacks-execute-arguments-only", S81, "{\"arguments\":{}}\n", Err("QMP input lacks member 'execute'"));
        yield return One("lacks-execute-empty-object", S81, "{}\n", Err("QMP input lacks member 'execute'"));
        yield return One("execute-not-string", S81, "{\"execute\":1}\n", Err("QMP input member 'execute' must be a string"));
        yield return One("arguments-array", S81, "{\"execute\":\"guest-ping\",\"arguments\":[]}\n",
            Err("QMP input member 'arguments' must be an object"));
        yield return One("arguments-null", "qga-reference 1.2", "{\"execute\":\"guest-ping\",\"arguments\":null}\n",
            Err("QMP input member 'arguments' must be an object"));
        yield return One("top-level-array", S81, "[1,2]\n", Err("QMP input must be a JSON object"));
        yield return One("top-level-number", S81 + ", 1.6", "123 \n", Err("QMP input must be a JSON object"));
        yield return One("top-level-string", S81, "\"hello\"\n", Err("QMP input must be a JSON object"));
        yield return One("top-level-true", S81, "true\n", Err("QMP input must be a JSON object"));
        yield return One("top-level-null", "qga-reference 1.2", "null\n", Err("QMP input must be a JSON object"));
        yield return One("top-level-array-with-id", "qga-reference 1.2 (no id echoed)", "[{\"id\":1}]\n", Err("QMP input must be a JSON object"));
        yield return One("single-quotes", S81 + ", 1.6", "{'execute':'guest-sync','arguments':{'id':11}}\n", Ret("11"));
        yield return One("two-requests-one-write", S81, Sync(1) + "\n" + Sync(2) + "\n", Ret("1"), Ret("2"));
        yield return One("two-requests-no-separator", "qga-reference 1.1", Sync(1) + Sync(2), Ret("1"), Ret("2"));
        yield return One("crlf-and-whitespace", "qga-reference 1.1", " \t" + Sync(3) + "\r\n\r\n" + Sync(4) + "\r\n", Ret("3"), Ret("4"));
        yield return One("id-utf8", S81, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":4},\"id\":\"" + Wire.Utf8("é€") + "\"}\n",
            Ret("4", "\"\\u00E9\\u20AC\""));
        yield return One("id-invalid-utf8", S81, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":4},\"id\":\"\u00C3\"}\n",
            Parse("invalid UTF-8 sequence in string"));
        yield return One("duplicate-key", S81, "{\"execute\":\"guest-ping\",\"execute\":\"guest-ping\"}\n", Parse("duplicate key"));
        yield return One("command-name-case-sensitive", "qga-reference 1.2", "{\"execute\":\"GUEST-PING\"}\n",
            NotFound("The command GUEST-PING has not been found"));
        yield return One("command-name-empty", "qga-reference 1.2", "{\"execute\":\"\"}\n", NotFound("The command  has not been found"));
        yield return One("fsfreeze-status-thawed", S81, "{\"execute\":\"guest-fsfreeze-status\"}\n", Ret("\"thawed\""));
        yield return One("info-shape", "qga-reference 1.7", "{\"execute\":\"guest-info\",\"id\":\"i\"}\n");

        // Validation order details (reference 1.2) and sizes that stress the reader and the writer.
        yield return One("empty-member-name", "qga-reference 1.2", "{\"execute\":\"guest-ping\",\"\":1}\n",
            Err("QMP input member '' is unexpected"));
        yield return One("execute-not-string-with-id", "qga-reference 1.2", "{\"execute\":1,\"id\":5}\n",
            ErrId("5", "QMP input member 'execute' must be a string"));
        yield return One("unknown-command-arguments-array", "qga-reference 1.2", "{\"execute\":\"guest-nonexistent\",\"arguments\":[]}\n",
            Err("QMP input member 'arguments' must be an object"));
        yield return One("execute-and-exec-oob", "qga-reference 1.2", "{\"execute\":\"guest-ping\",\"exec-oob\":\"guest-ping\",\"id\":2}\n",
            ErrId("2", "QMP input member 'exec-oob' is unexpected"));
        yield return One("unknown-command-non-ascii", "qga-reference 1.1, 1.2", "{\"execute\":\"" + Wire.Utf8("guest-pïng😀") + "\"}\n",
            NotFound("The command guest-p\\u00EFng\\uD83D\\uDE00 has not been found"));
        yield return One("id-long-string", "qga-reference 1.1", "{\"execute\":\"guest-ping\",\"id\":\""
            + new string('x', 100_000) + Wire.Utf8("é€😀") + "\\n\\u0007\"}\n");
        yield return One("id-nested-1000", "qga-reference 1.6", "{\"execute\":\"guest-ping\",\"id\":"
            + new string('[', 1000) + new string(']', 1000) + "}\n");
        yield return One("id-nested-1024-too-deep", "qga-reference 1.6", "{\"execute\":\"guest-ping\",\"id\":"
            + new string('[', 1024) + new string(']', 1024) + "}\n" + Sync(12) + "\n");
        yield return One("thousand-requests-one-write", "qga-reference 1.1",
            string.Concat(Enumerable.Range(1, 1000).Select(i => "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":" + i + "}}")));

        // qemu-ga-only commands: recorded for the harness, not compared (our sample does not have them).
        yield return One("get-devices-disabled", S81, "{\"execute\":\"guest-get-devices\"}\n",
            NotFound("Command guest-get-devices has been disabled")) with { ReferenceOnly = "guest-get-devices is not a protocol command of our agent" };

        foreach (var c in IdEcho())
        {
            yield return c;
        }

        foreach (var c in ParameterErrors())
        {
            yield return c;
        }

        foreach (var c in Disabled())
        {
            yield return c;
        }
    }

    /// <summary>The request's id of every JSON type, echoed on success and on error (reference 1.2 step 9).</summary>
    private static IEnumerable<ConformanceCase> IdEcho()
    {
        const string Src = "qga-reference 1.2, 10.2";
        var ids = new (string Name, string Sent, string Echoed)[]
        {
            ("true", "true", "true"),
            ("false", "false", "false"),
            ("zero", "0", "0"),
            ("negative", "-17", "-17"),
            ("int64-max", "9223372036854775807", "9223372036854775807"),
            ("int64-min", "-9223372036854775808", "-9223372036854775808"),
            ("uint64-max", "18446744073709551615", "18446744073709551615"),
            ("huge-integer", "99999999999999999999", "1e+20"),
            ("fraction", "1.5", "1.5"),
            ("fraction-17g", "0.1", "0.10000000000000001"),
            ("exponent", "1e3", "1000"),
            ("negative-exponent", "-2.5E-3", "-0.0025000000000000001"),
            ("empty-string", "\"\"", "\"\""),
            ("escapes", "\"q\\\"b\\\\s\\/n\\nt\\tr\\rb\\bf\\f\"", "\"q\\\"b\\\\s/n\\nt\\tr\\rb\\bf\\f\""),
            ("unicode-escape-lower", "\"\\u00e9\\u20ac\"", "\"\\u00E9\\u20AC\""),
            ("surrogate-pair", "\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00\""),
            ("utf8-4-byte", "\"" + Wire.Utf8("😀") + "\"", "\"\\uD83D\\uDE00\""),
            ("control-escape", "\"\\u0001\\u001f\"", "\"\\u0001\\u001F\""),
            ("single-quoted", "'it\\'s \"x\"'", "\"it's \\\"x\\\"\""),
            ("empty-array", "[]", "[]"),
            ("empty-object", "{}", "{}"),
            ("nested", "[1,{\"b\":[true,null,\"s\"]},[[]]]", "[1, {\"b\": [true, null, \"s\"]}, [[]]]"),
        };
        foreach (var (name, sent, echoed) in ids)
        {
            yield return One("id-" + name + "-success", Src, "{\"execute\":\"guest-ping\",\"id\":" + sent + "}\n", Ret("{}", echoed));
            yield return One("id-" + name + "-error", Src, "{\"execute\":\"guest-ping\",\"arguments\":{\"x\":1},\"id\":" + sent + "}\n",
                ErrId(echoed, "Parameter 'x' is unexpected"));
        }
    }

    /// <summary>guest-sync and guest-sync-delimited argument validation (reference 1.2 step 7, 11).</summary>
    private static IEnumerable<ConformanceCase> ParameterErrors()
    {
        const string Src = "qga-reference 1.2, 8.2, 11";
        foreach (var cmd in new[] { "guest-sync", "guest-sync-delimited" })
        {
            string Req(string args) => "{\"execute\":\"" + cmd + "\",\"arguments\":" + args + "}\n";
            var typeErr = Err("Invalid parameter type for 'id', expected: integer");
            yield return One(cmd + "-id-null", Src, Req("{\"id\":null}"), typeErr);
            yield return One(cmd + "-id-true", Src, Req("{\"id\":true}"), typeErr);
            yield return One(cmd + "-id-fraction", Src, Req("{\"id\":1.5}"), typeErr);
            yield return One(cmd + "-id-exponent", Src, Req("{\"id\":1e3}"), typeErr);
            yield return One(cmd + "-id-int64-max-plus-1", Src, Req("{\"id\":9223372036854775808}"), typeErr);
            yield return One(cmd + "-id-huge", Src, Req("{\"id\":99999999999999999999}"), typeErr);
            yield return One(cmd + "-id-object", Src, Req("{\"id\":{}}"), typeErr);
            yield return One(cmd + "-id-array", Src, Req("{\"id\":[1]}"), typeErr);
            yield return One(cmd + "-id-int64-max", Src, Req("{\"id\":9223372036854775807}"),
                cmd == "guest-sync" ? Ret("9223372036854775807") : Delimited(Ret("9223372036854775807")));
            yield return One(cmd + "-id-int64-min", Src, Req("{\"id\":-9223372036854775808}"),
                cmd == "guest-sync" ? Ret("-9223372036854775808") : Delimited(Ret("-9223372036854775808")));
            yield return One(cmd + "-missing-and-unexpected", Src, Req("{\"foo\":1}"), Err("Parameter 'id' is missing"));
            yield return One(cmd + "-unexpected", Src, Req("{\"id\":1,\"bar\":true}"), Err("Parameter 'bar' is unexpected"));
        }

        // qemu-ga reports the first of several in hash order (reference 11); ours in request order (allow-listed).
        yield return One("sync-two-unexpected", Src, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1,\"zeta\":1,\"alpha\":2}}\n",
            Err("Parameter 'alpha' is unexpected"));
        yield return One("two-unexpected-members", Src, "{\"execute\":\"guest-ping\",\"zeta\":1,\"alpha\":2,\"id\":3}\n",
            ErrId("3", "QMP input member 'zeta' is unexpected"));
        yield return One("sync-delimited-error-not-delimited", "qga-reference 1.5",
            "{\"execute\":\"guest-sync-delimited\",\"arguments\":{}}\n{\"execute\":\"guest-ping\"}\n",
            Err("Parameter 'id' is missing"), Ret("{}"));
        yield return One("sync-delimited-with-id", "qga-reference 1.5",
            "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":5},\"id\":\"x\"}\n", Delimited(Ret("5", "\"x\"")));
        yield return One("sync-delimited-twice", "qga-reference 1.5",
            "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":1}}{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":2}}\n",
            Delimited(Ret("1")), Delimited(Ret("2")));
    }

    /// <summary>-b (block-rpcs): disabled commands and guest-info's live enabled flags (reference 1.4, 1.7).</summary>
    private static IEnumerable<ConformanceCase> Disabled()
    {
        const string Src = "qga-reference 1.4, 1.7";
        yield return One("blocked-ping", Src, "{\"execute\":\"guest-ping\",\"id\":5}\n",
            NotFoundId("5", "Command guest-ping has been disabled")) with { Args = new[] { "-b", "guest-ping" } };
        yield return One("blocked-two-commands", Src, "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1}}\n{\"execute\":\"guest-ping\"}\n",
            NotFound("Command guest-sync has been disabled"), NotFound("Command guest-ping has been disabled")) with { Args = new[] { "-b", "guest-ping,guest-sync" } };
        yield return One("blocked-unknown-name-is-ignored", Src, "{\"execute\":\"guest-ping\"}\n", Ret("{}")) with { Args = new[] { "-b", "guest-nonexistent" } };
        yield return One("blocked-checked-before-arguments", Src, "{\"execute\":\"guest-sync\",\"arguments\":{\"bad\":1}}\n",
            NotFound("Command guest-sync has been disabled")) with { Args = new[] { "-b", "guest-sync" } };
        yield return One("blocked-info-shows-disabled", Src, "{\"execute\":\"guest-info\"}\n") with { Args = new[] { "-b", "guest-ping,guest-sync" } };
        yield return One("blocked-info-itself", Src, "{\"execute\":\"guest-info\"}\n",
            NotFound("Command guest-info has been disabled")) with { Args = new[] { "-b", "guest-info" } };

        // The harness's usual marker is guest-sync-delimited, so this one ends its step with a plain guest-sync.
        yield return new ConformanceCase("blocked-sync-delimited", Src, new Script().Connect()
            .Send("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":3}}\n{\"execute\":\"guest-sync\",\"arguments\":{\"id\":4}}\n").SyncPlain().Close())
        {
            Args = new[] { "-b", "guest-sync-delimited" },
            Recorded = new[] { new[] { NotFound("Command guest-sync-delimited has been disabled"), Ret("4") } },
        };
    }

    internal static ConformanceCase One(string name, string source, string bytes, params string[] recorded) =>
        new(name, source, Script.OneStep(bytes)) { Recorded = recorded.Length == 0 ? null : new[] { recorded } };
}
