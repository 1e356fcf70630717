using System.Collections.Generic;
using System.Linq;
using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

/// <summary>
/// Writes the partial part of one command class: a handler per command (binds arguments from the request's JSON,
/// calls the method, writes the result), the readers and writers of the types it uses, and
/// <c>__QgaRegisterCommands</c>, which the module calls.
/// </summary>
internal static class CommandEmitter
{
    private const string Binding = "global::QgaKit.Dispatch.Binding.";
    private const string Reader = Binding + "ArgumentReader.";
    private const string Path = Binding + "ValuePath";
    private const string JsonValue = "global::QgaKit.Json.JsonValue";
    private const string JsonWriter = "global::QgaKit.Json.JsonWriter";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Emit(CommandClassModel model)
    {
        var info = model.Class;
        var w = new SourceWriter().Header().Line();
        if (info.Namespace.Length > 0)
        {
            w.Line("namespace " + info.Namespace + ";").Line();
        }

        foreach (var containing in info.ContainingTypes)
        {
            w.Open("partial " + containing.Keyword + " " + Naming.Escape(containing.Name));
        }

        w.Open("partial " + info.Keyword + " " + Naming.Escape(info.Name));
        var objects = model.Objects.ToDictionary(o => o.FullName);
        var enums = model.Enums.ToDictionary(e => e.FullName);
        var helpers = new Helpers(objects, enums);

        EmitRegistration(w, model);
        foreach (var command in model.Commands)
        {
            w.Line();
            EmitHandler(w, command, helpers);
        }

        helpers.EmitAll(w);
        w.Close();
        foreach (var unused in info.ContainingTypes)
        {
            w.Close();
        }

        return w.ToString();
    }

    private static void EmitRegistration(SourceWriter w, CommandClassModel model)
    {
        w.Line("/// <summary>Registers the commands of this class (called by the assembly's generated QGA module).</summary>")
         .Line(GeneratorInfo.GeneratedCodeAttribute)
         .Line(Hidden);
        var signature = "internal static void __QgaRegisterCommands(global::QgaKit.Dispatch.CommandTable table";
        w.Open(signature + (model.NeedsInstance ? ", " + model.Class.FullName + " instance)" : ")"));
        foreach (var command in model.Commands)
        {
            var handler = command.IsStatic ? command.HandlerName : "instance." + command.HandlerName;
            w.Line("table.Register(new global::QgaKit.Dispatch.CommandDefinition(" + GeneratorInfo.Literal(command.WireName) + ", " + handler
                + ", successResponse: " + Bool(command.SuccessResponse) + ", allowedWhileFrozen: " + Bool(command.AllowedWhileFrozen) + "));");
        }

        w.Close();
    }

    private static void EmitHandler(SourceWriter w, CommandModel command, Helpers helpers)
    {
        var wire = command.Parameters.Where(p => !p.IsCancellationToken).ToList();
        var isAsync = command.Async != AsyncKind.None;
        w.Line("/// <summary>Binds the arguments of <c>" + command.WireName + "</c> and runs <see cref=\"" + command.MethodName + "\"/>.</summary>")
         .Line(GeneratorInfo.GeneratedCodeAttribute)
         .Line("private " + (command.IsStatic ? "static " : string.Empty) + (isAsync ? "async " : string.Empty)
            + "global::System.Threading.Tasks.ValueTask " + command.HandlerName + "(global::QgaKit.Dispatch.CommandContext context)")
         .Line("{").Indent();
        w.Line("var arguments = context.Arguments;");
        if (wire.Count > 0)
        {
            w.Line("var matched = 0;");
        }

        for (var i = 0; i < command.Parameters.Count; i++)
        {
            var p = command.Parameters[i];
            if (p.IsCancellationToken)
            {
                continue;
            }

            EmitMemberRead(w, "arguments", "a" + i, p.WireName, "new " + Path + "(" + GeneratorInfo.Literal(p.WireName) + ")", p.Type!, p.IsOptional, p.DefaultValue, helpers);
        }

        var names = "s_qgaNames_" + command.HandlerName.Substring("__QgaInvoke_".Length);
        if (wire.Count > 0)
        {
            w.Open("if (matched != arguments.GetLength())")
             .Line(Reader + "ThrowUnexpected(arguments, " + names + ", default);")
             .Close();
        }
        else
        {
            w.Open("if (arguments.GetLength() != 0)")
             .Line(Reader + "ThrowUnexpected(arguments, global::System.Array.Empty<string>(), default);")
             .Close();
        }

        var args = string.Join(", ", command.Parameters.Select((p, i) => p.IsCancellationToken ? "context.CancellationToken" : "a" + i));
        var call = (command.IsStatic ? string.Empty : "this.") + Naming.Escape(command.MethodName) + "(" + args + ")";
        if (isAsync)
        {
            call = "await " + call + ".ConfigureAwait(false)";
        }

        if (command.ReturnType is { } returnType)
        {
            w.Line("var result = " + call + ";");
            if (returnType.IsNullable)
            {
                // QAPI never sends null: a null result is an empty reply object, like a void command.
                w.Open("if (result is { } value)");
                w.Line(helpers.Write(returnType.AsNonNullable(), "context.Result", "value") + ";");
                w.Close();
            }
            else
            {
                w.Line(helpers.Write(returnType, "context.Result", "result") + ";");
            }
        }
        else
        {
            w.Line(call + ";");
        }

        if (!isAsync)
        {
            w.Line("return default;");
        }

        w.Outdent().Line("}");
        if (wire.Count > 0)
        {
            w.Line()
             .Line(GeneratorInfo.GeneratedCodeAttribute)
             .Line("private static readonly string[] " + names + " = { " + string.Join(", ", wire.Select(p => GeneratorInfo.Literal(p.WireName))) + " };");
        }
    }

    /// <summary>Declares <paramref name="local"/> and binds it from member <paramref name="wireName"/> of
    /// <paramref name="objectVar"/>, counting it in <c>matched</c>; QAPI's order of checks.</summary>
    private static void EmitMemberRead(SourceWriter w, string objectVar, string local, string wireName, string pathExpr, TypeRef type, bool optional, string? defaultValue, Helpers helpers)
    {
        var declared = optional && defaultValue is null ? type.AsNonNullable().FullName + "?" : type.DeclaredName;
        w.Line(declared + " " + local + ";");
        w.Open("if (" + objectVar + ".TryGetProperty(" + GeneratorInfo.Literal(wireName) + "u8, out var " + local + "Value))")
         .Line(local + " = " + helpers.Read(type.AsNonNullable(), local + "Value", pathExpr) + ";")
         .Line("matched++;")
         .Close();
        w.Open("else");
        if (optional)
        {
            w.Line(local + " = " + (defaultValue ?? "default") + ";");
        }
        else
        {
            w.Line("throw " + Reader + "Missing(" + pathExpr + ");");
        }

        w.Close();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The reader/writer helper methods one class needs, emitted once each.</summary>
    private sealed class Helpers
    {
        private readonly Dictionary<string, ObjectModel> _objects;
        private readonly Dictionary<string, EnumModel> _enums;
        private readonly SortedDictionary<string, System.Action<SourceWriter>> _pending = new(System.StringComparer.Ordinal);

        public Helpers(Dictionary<string, ObjectModel> objects, Dictionary<string, EnumModel> enums)
        {
            _objects = objects;
            _enums = enums;
        }

        /// <summary>An expression reading <paramref name="type"/> (non-nullable) from a JsonValue.</summary>
        public string Read(TypeRef type, string value, string path)
        {
            var simple = type.Kind switch
            {
                ValueKind.Boolean => "ReadBoolean",
                ValueKind.SByte => "ReadSByte",
                ValueKind.Byte => "ReadByte",
                ValueKind.Int16 => "ReadInt16",
                ValueKind.UInt16 => "ReadUInt16",
                ValueKind.Int32 => "ReadInt32",
                ValueKind.UInt32 => "ReadUInt32",
                ValueKind.Int64 => "ReadInt64",
                ValueKind.UInt64 => "ReadUInt64",
                ValueKind.Double => "ReadDouble",
                ValueKind.String => "ReadString",
                ValueKind.Any => "ReadAny",
                _ => null,
            };
            if (simple is not null)
            {
                return Reader + simple + "(" + value + ", " + path + ")";
            }

            var name = "__QgaRead_" + type.Id;
            if (!_pending.ContainsKey(name))
            {
                _pending[name] = null!;
                _pending[name] = type.Kind switch
                {
                    ValueKind.Enum => w => EmitEnumReader(w, name, _enums[type.FullName]),
                    ValueKind.Object => w => EmitObjectReader(w, name, _objects[type.FullName]),
                    _ => w => EmitListReader(w, name, type),
                };
            }

            return name + "(" + value + ", " + path + ")";
        }

        /// <summary>A statement writing <paramref name="value"/> (non-nullable) with the JsonWriter <paramref name="writer"/>.</summary>
        public string Write(TypeRef type, string writer, string value)
        {
            switch (type.Kind)
            {
                case ValueKind.Boolean:
                    return writer + ".WriteBoolean(" + value + ")";
                case ValueKind.SByte:
                case ValueKind.Int16:
                case ValueKind.Int32:
                case ValueKind.Int64:
                    return writer + ".WriteNumber((long)" + value + ")";
                case ValueKind.Byte:
                case ValueKind.UInt16:
                case ValueKind.UInt32:
                case ValueKind.UInt64:
                    return writer + ".WriteNumber((ulong)" + value + ")";
                case ValueKind.Double:
                    return writer + ".WriteNumber(" + value + ")";
                case ValueKind.String:
                    return writer + ".WriteString(" + value + ")";
                case ValueKind.Any:
                    return writer + ".WriteValue(" + value + ")";
                case ValueKind.Enum:
                    return writer + ".WriteString(" + EnumName(type) + "(" + value + "))";
            }

            var name = "__QgaWrite_" + type.Id;
            if (!_pending.ContainsKey(name))
            {
                _pending[name] = null!;
                _pending[name] = type.Kind == ValueKind.Object
                    ? w => EmitObjectWriter(w, name, _objects[type.FullName])
                    : w => EmitListWriter(w, name, type);
            }

            return name + "(" + writer + ", " + value + ")";
        }

        public void EmitAll(SourceWriter w)
        {
            // Emitting a helper may request more helpers (nested types): drain until stable.
            var emitted = new HashSet<string>(System.StringComparer.Ordinal);
            while (true)
            {
                var next = _pending.FirstOrDefault(p => !emitted.Contains(p.Key));
                if (next.Key is null)
                {
                    break;
                }

                emitted.Add(next.Key);
                w.Line();
                next.Value(w);
            }
        }

        private string EnumName(TypeRef type)
        {
            var name = "__QgaName_" + type.Id;
            if (!_pending.ContainsKey(name))
            {
                _pending[name] = w => EmitEnumName(w, name, _enums[type.FullName]);
            }

            return name;
        }

        private static void EmitEnumReader(SourceWriter w, string name, EnumModel model)
        {
            w.Line(GeneratorInfo.GeneratedCodeAttribute)
             .Open("private static " + model.FullName + " " + name + "(" + JsonValue + " value, " + Path + " path)")
             .Line(Reader + "ExpectString(value, path);");
            foreach (var member in model.Members.Where(m => !m.IsAlias))
            {
                w.Open("if (value.ValueEquals(" + GeneratorInfo.Literal(member.WireName) + "u8))")
                 .Line("return " + model.FullName + "." + Naming.Escape(member.Name) + ";")
                 .Close();
            }

            w.Line("throw " + Reader + "InvalidValue(value, path);")
             .Close();
        }

        private static void EmitEnumName(SourceWriter w, string name, EnumModel model)
        {
            w.Line(GeneratorInfo.GeneratedCodeAttribute)
             .Line("private static string " + name + "(" + model.FullName + " value) => value switch")
             .Line("{").Indent();
            foreach (var member in model.Members.Where(m => !m.IsAlias))
            {
                w.Line(model.FullName + "." + Naming.Escape(member.Name) + " => " + GeneratorInfo.Literal(member.WireName) + ",");
            }

            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),")
             .Outdent().Line("};");
        }

        private void EmitObjectReader(SourceWriter w, string name, ObjectModel model)
        {
            var bound = model.Members.Where(m => m.IsBound).ToList();
            w.Line(GeneratorInfo.GeneratedCodeAttribute)
             .Open("private static " + model.FullName + " " + name + "(" + JsonValue + " value, " + Path + " path)")
             .Line(Reader + "ExpectObject(value, path);")
             .Line("var matched = 0;");
            for (var i = 0; i < bound.Count; i++)
            {
                var m = bound[i];
                EmitMemberRead(w, "value", "m" + i, m.WireName, "path.Member(" + GeneratorInfo.Literal(m.WireName) + ")", m.Type, m.IsOptional, m.DefaultValue, this);
            }

            var names = "s_qgaNames_" + model.Id;
            w.Open("if (matched != value.GetLength())")
             .Line(Reader + "ThrowUnexpected(value, " + names + ", path);")
             .Close();
            var ctorArgs = bound.Select((m, i) => (m, i)).Where(x => x.m.CtorIndex >= 0).OrderBy(x => x.m.CtorIndex).Select(x => Value(x.m, "m" + x.i));
            var inits = bound.Select((m, i) => (m, i)).Where(x => x.m.CtorIndex < 0).Select(x => Naming.Escape(x.m.PropertyName) + " = " + Value(x.m, "m" + x.i));
            w.Line("return new " + model.FullName + "(" + string.Join(", ", ctorArgs) + ")")
             .Line("{").Indent();
            foreach (var init in inits)
            {
                w.Line(init + ",");
            }

            w.Outdent().Line("};")
             .Close()
             .Line()
             .Line(GeneratorInfo.GeneratedCodeAttribute)
             .Line("private static readonly string[] " + names + " = { " + string.Join(", ", bound.Select(m => GeneratorInfo.Literal(m.WireName))) + " };");
        }

        /// <summary>An optional non-nullable member was declared nullable locally (absent = its default).</summary>
        private static string Value(MemberModel member, string local)
            => member.IsOptional && member.DefaultValue is null && !member.Type.IsNullable ? local + ".GetValueOrDefault()" : local;

        private void EmitObjectWriter(SourceWriter w, string name, ObjectModel model)
        {
            w.Line(GeneratorInfo.GeneratedCodeAttribute)
             .Open("private static void " + name + "(" + JsonWriter + " writer, " + model.FullName + " value)")
             .Line("writer.WriteStartObject();");
            foreach (var m in model.Members.Where(m => m.IsWritten))
            {
                var name8 = GeneratorInfo.Literal(m.WireName) + "u8";
                if (m.Type.IsNullable)
                {
                    // QAPI omits absent optional members; it never writes null.
                    w.Open("if (value." + Naming.Escape(m.PropertyName) + " is { } " + Local(m) + ")")
                     .Line("writer.WritePropertyName(" + name8 + ");")
                     .Line(Write(m.Type.AsNonNullable(), "writer", Local(m)) + ";")
                     .Close();
                }
                else
                {
                    w.Line("writer.WritePropertyName(" + name8 + ");")
                     .Line(Write(m.Type, "writer", "value." + Naming.Escape(m.PropertyName)) + ";");
                }
            }

            w.Line("writer.WriteEndObject();")
             .Close();
        }

        private static string Local(MemberModel member) => "__" + member.PropertyName;

        private void EmitListReader(SourceWriter w, string name, TypeRef type)
        {
            var element = type.Element!;
            var isArray = type.Kind == ValueKind.Array;
            w.Line(GeneratorInfo.GeneratedCodeAttribute)
             .Open("private static " + type.FullName + " " + name + "(" + JsonValue + " value, " + Path + " path)")
             .Line(Reader + "ExpectArray(value, path);")
             .Line(isArray
                ? "var result = " + NewArray(element, "value.GetLength()") + ";"
                : "var result = new global::System.Collections.Generic.List<" + element.FullName + ">(value.GetLength());")
             .Line("var index = 0;")
             .Open("foreach (var item in value.EnumerateArray())")
             .Line(isArray
                ? "result[index] = " + Read(element, "item", "path.Element(index)") + ";"
                : "result.Add(" + Read(element, "item", "path.Element(index)") + ");")
             .Line("index++;")
             .Close()
             .Line("return result;")
             .Close();
        }

        private void EmitListWriter(SourceWriter w, string name, TypeRef type)
        {
            w.Line(GeneratorInfo.GeneratedCodeAttribute)
             .Open("private static void " + name + "(" + JsonWriter + " writer, " + type.FullName + " value)")
             .Line("writer.WriteStartArray();")
             .Open("foreach (var item in value)")
             .Line(Write(type.Element!, "writer", "item") + ";")
             .Close()
             .Line("writer.WriteEndArray();")
             .Close();
        }

        /// <summary><c>new T[n]</c>, also for jagged arrays (<c>new T[n][]</c>).</summary>
        private static string NewArray(TypeRef element, string length)
        {
            var depth = 0;
            var inner = element;
            while (inner.Kind == ValueKind.Array)
            {
                depth++;
                inner = inner.Element!;
            }

            return "new " + inner.FullName + "[" + length + "]" + string.Concat(Enumerable.Repeat("[]", depth));
        }
    }
}
