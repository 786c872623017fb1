using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Partage.Kernel;

namespace Partage.Tests.Payroll;

/// <summary>
/// The project's structural check of a DSN file against the P26V01 norm (tests/standards/dsn): the
/// ISO-8859-1 encoding and line syntax, known rubrics and their formats, lengths, code lists and dates,
/// rubrics and blocks required or forbidden in a monthly DSN, the nesting and order of blocks, single
/// blocks not repeated, the S90 totals, SIRET keys, and the cross-field controls a cooperative's file
/// can break (contract references, seniority CCH-14, SMIC component of the general reduction CCH-17,
/// activity under the unemployment pay CCH-11). Not DSN-Val: see the folder's README.
/// </summary>
public static partial class DsnChecker
{
    private static readonly Lazy<Norm> Structure = new(Norm.Load);

    [GeneratedRegex(@"^(S\d{2}\.G\d{2}\.\d{2})\.(\d{3}),'(.*)'$")]
    private static partial Regex LineSyntax();

    /// <summary>The problems found, one a line ("line N: reason"); empty when the file passes.</summary>
    public static IReadOnlyList<string> Check(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problems = new List<string>();
        if (LooksLikeUtf8(file))
        {
            problems.Add("line 0: the file is UTF-8; the norm wants ISO-8859-1");
        }

        var text = Encoding.Latin1.GetString(file);
        var raw = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2].Split("\r\n") : text.Split("\r\n");
        var lines = new List<(int Number, string Block, int Rubric, string Value)>();
        for (var i = 0; i < raw.Length; i++)
        {
            var match = LineSyntax().Match(raw[i]);
            if (!match.Success)
            {
                problems.Add($"line {i + 1}: not a rubric line ({(raw[i].Length == 0 ? "empty" : raw[i])})");
                continue;
            }

            lines.Add((i + 1, match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[3].Value));
        }

        var nature = lines.FirstOrDefault(l => l.Block == "S20.G00.05" && l.Rubric == 1).Value ?? "01";
        var tree = new Tree(Structure.Value, nature, problems);
        foreach (var line in lines)
        {
            tree.Add(line.Number, line.Block, line.Rubric, line.Value);
        }

        tree.CloseAll();
        CrossFieldChecks(lines, problems);
        return problems;
    }

    private static bool LooksLikeUtf8(byte[] file)
    {
        for (var i = 0; i < file.Length - 1; i++)
        {
            if (file[i] is >= 0xC2 and <= 0xF4 && file[i + 1] is >= 0x80 and <= 0xBF)
            {
                return true;   // a lead byte and a continuation byte: Latin-1 text never pairs "Ã" with a C1 control or such
            }
        }

        return false;
    }

    private static void CrossFieldChecks(List<(int Number, string Block, int Rubric, string Value)> lines, List<string> problems)
    {
        string? Value(string block, int rubric) => lines.FirstOrDefault(l => l.Block == block && l.Rubric == rubric).Value;
        var totalLines = Value("S90.G00.90", 1);
        if (totalLines != lines.Count.ToString(CultureInfo.InvariantCulture))
        {
            problems.Add($"S90.G00.90.001 = {totalLines} but the file has {lines.Count} lines");
        }

        var declarations = lines.Count(l => l.Block == "S20.G00.05" && l.Rubric == 1);
        if (Value("S90.G00.90", 2) != declarations.ToString(CultureInfo.InvariantCulture))
        {
            problems.Add($"S90.G00.90.002 = {Value("S90.G00.90", 2)} but the file has {declarations} declaration(s)");
        }

        // A file whose declarations all declare nobody is an "envoi néant" (CCH-11), and only such a file is.
        var nobody = lines.Where(l => l.Block == "S20.G00.05" && l.Rubric == 2).All(l => l.Value == "02");
        if (Value("S10.G00.00", 8) is { } kind && (kind == "02") != nobody)
        {
            problems.Add($"S10.G00.00.008 = {kind} but {(nobody ? "every declaration is without individuals (envoi néant: 02)" : "a declaration has individuals (01)")} (CCH-11)");
        }

        foreach (var (block, rubric) in new[] { ("S21.G00.06", 2), ("S21.G00.11", 1) })
        {
            if (Value("S21.G00.06", 1) is { } siren && Value(block, rubric) is { } nic && !Siret.TryParse(siren + nic, out _, out _))
            {
                problems.Add($"{block}.{rubric:D3}: SIREN {siren} and NIC {nic} do not form a valid SIRET");
            }
        }

        // Per individual: contracts referenced exist, seniority declared for fixed-term contracts, RGDU with its SMIC, activity under pay type 002.
        var individuals = lines.Select((l, i) => (l, i)).Where(x => x.l.Block == "S21.G00.30" && x.l.Rubric == 1).Select(x => x.i).Append(lines.FindIndex(l => l.Block == "S90.G00.90")).ToList();
        for (var n = 0; n < individuals.Count - 1; n++)
        {
            var person = lines.Skip(individuals[n]).Take(individuals[n + 1] - individuals[n]).ToList();
            var contracts = person.Where(l => l.Block == "S21.G00.40" && l.Rubric == 9).Select(l => l.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var reference in person.Where(l => (l.Block, l.Rubric) is ("S21.G00.51", 10) or ("S21.G00.78", 6) or ("S21.G00.86", 5)))
            {
                if (!contracts.Contains(reference.Value))
                {
                    problems.Add($"line {reference.Number}: contract {reference.Value} is not one of the individual's S21.G00.40");
                }
            }

            if (person.Any(l => l.Block == "S21.G00.40" && l.Rubric == 7 && l.Value is "01" or "02" or "03" or "07" or "08") && !person.Any(l => l.Block == "S21.G00.86" && l.Rubric == 1 && l.Value == "07"))
            {
                problems.Add($"line {person[0].Number}: no S21.G00.86 of type 07 (seniority in the company) for this individual (CCH-14)");
            }

            string? pay = null;
            var smic = false;
            foreach (var line in person)
            {
                (pay, smic) = (line.Block, line.Rubric) switch
                {
                    ("S21.G00.51", 11) => (line.Value, smic),
                    ("S21.G00.78", 1) => (pay, false),
                    ("S21.G00.79", 1) => (pay, smic || line.Value == "01"),
                    _ => (pay, smic),
                };
                if (line.Block == "S21.G00.53" && line.Rubric == 3 && line.Value != "40" && pay != "002")
                {
                    problems.Add($"line {line.Number}: activity (S21.G00.53) under pay type {pay}, not 002 (CCH-11)");
                }

                if (line.Block == "S21.G00.81" && line.Rubric == 1 && line.Value is "018" or "106" && !smic)
                {
                    problems.Add($"line {line.Number}: general reduction {line.Value} without an S21.G00.79 of type 01 (SMIC retenu) under its base (CCH-17)");
                }
            }
        }
    }

    /// <summary>Blocks opened as the lines come, checked when they close: required rubrics and child blocks.</summary>
    private sealed class Tree(Norm norm, string nature, List<string> problems)
    {
        private readonly Stack<Instance> open = new();

        public void Add(int line, string block, int rubric, string value)
        {
            var id = $"{block}.{rubric:D3}";
            if (!norm.Rubrics.TryGetValue(id, out var definition))
            {
                problems.Add($"line {line}: unknown rubric {id}");
                return;
            }

            CheckValue(line, id, definition, value);
            if (open.TryPeek(out var top) && top.Block == block && rubric > top.LastRubric)
            {
                top.Rubrics.Add(rubric);
                top.LastRubric = rubric;
                return;
            }

            Open(line, block);
            open.Peek().Rubrics.Add(rubric);
            open.Peek().LastRubric = rubric;
        }

        public void CloseAll()
        {
            while (open.Count > 0)
            {
                Close(open.Pop());
            }

            foreach (var root in norm.Roots.Where(r => norm.Blocks[r].Min > 0 && !roots.Contains(r)))
            {
                problems.Add($"end of file: block {root} missing");
            }
        }

        private readonly HashSet<string> roots = [];

        private void Open(int line, string block)
        {
            var definition = norm.Blocks[block];
            if (definition.UsedIn.GetValueOrDefault(nature) == "not_used")
            {
                problems.Add($"line {line}: block {block} is not used in a declaration of nature {nature}");
            }

            while (open.Count > 0 && open.Peek().Block != definition.Parent)
            {
                Close(open.Pop());
            }

            if (open.TryPeek(out var parent))
            {
                var order = norm.Blocks[parent.Block].Children.IndexOf(block);
                if (order < parent.LastChild)
                {
                    problems.Add($"line {line}: block {block} comes after a later block of {parent.Block} (norm order)");
                }

                if (definition.Max == 1 && parent.Children.Contains(block))
                {
                    problems.Add($"line {line}: a second {block} in the same {parent.Block}");
                }

                parent.LastChild = Math.Max(parent.LastChild, order);
                parent.Children.Add(block);
            }
            else if (!norm.Roots.Contains(block))
            {
                problems.Add($"line {line}: block {block} is not allowed here (its parent {definition.Parent} is not open)");
            }
            else
            {
                roots.Add(block);
            }

            open.Push(new Instance(block, line));
        }

        private void Close(Instance instance)
        {
            var definition = norm.Blocks[instance.Block];
            foreach (var rubric in definition.Rubrics)
            {
                var usage = norm.Rubrics[rubric].Usage.GetValueOrDefault(nature);
                var present = instance.Rubrics.Contains(int.Parse(rubric[^3..], CultureInfo.InvariantCulture));
                if (usage == "O" && !present)
                {
                    problems.Add($"line {instance.Line}: {instance.Block} without its required rubric {rubric}");
                }
                else if (usage is "I" or "N" && present)
                {
                    problems.Add($"line {instance.Line}: {instance.Block} carries {rubric}, forbidden in nature {nature}");
                }
            }

            foreach (var child in definition.Children.Where(c => norm.Blocks[c].MinIn(nature) > 0 && !instance.Children.Contains(c)))
            {
                problems.Add($"line {instance.Line}: {instance.Block} without its required block {child}");
            }
        }

        private void CheckValue(int line, string id, Rubric rubric, string value)
        {
            if (value.Length < rubric.MinLength || value.Length > rubric.MaxLength)
            {
                problems.Add($"line {line}: {id} '{value}' has {value.Length} characters ({rubric.MinLength} to {rubric.MaxLength})");
            }

            if (rubric.Pattern is { } pattern && !pattern.IsMatch(value))
            {
                problems.Add($"line {line}: {id} '{value}' does not match its format");
            }

            if (rubric.Codes is { } codes && !codes.Contains(value))
            {
                problems.Add($"line {line}: {id} '{value}' is not in its code list");
            }

            // A birth date may say "99" for an unknown day or month; any other date is a day of the calendar.
            if (rubric.IsDate && value.Length == 8 && value[..2] != "99" && value[2..4] != "99"
                && !DateOnly.TryParseExact(value, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"line {line}: {id} '{value}' is not a calendar date");
            }
        }
    }

    private sealed class Instance(string block, int line)
    {
        public string Block { get; } = block;

        public int Line { get; } = line;

        public HashSet<int> Rubrics { get; } = [];

        public HashSet<string> Children { get; } = [];

        public int LastRubric { get; set; }

        public int LastChild { get; set; } = -1;
    }

    private sealed record Block(string Parent, List<string> Children, List<string> Rubrics, int Min, int? Max, Dictionary<string, string> UsedIn, int? MinInMonthly)
    {
        public int MinIn(string nature) => nature == "01" ? MinInMonthly ?? Min : 0;
    }

    private sealed record Rubric(int MinLength, int MaxLength, Regex? Pattern, HashSet<string>? Codes, bool IsDate, Dictionary<string, string> Usage);

    private sealed record Norm(Dictionary<string, Block> Blocks, Dictionary<string, Rubric> Rubrics, List<string> Roots)
    {
        public static Norm Load()
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Invoicing.EInvoiceValidator.RepositoryRoot(), "tests", "standards", "dsn", "dsn-structure.json")));
            var root = json.RootElement;
            var lists = root.GetProperty("code_lists");
            var blocks = root.GetProperty("blocks").EnumerateObject().ToDictionary(b => b.Name, b => new Block(
                b.Value.GetProperty("parent").GetString()!,
                b.Value.GetProperty("children").EnumerateArray().Select(c => c.GetString()!).ToList(),
                b.Value.GetProperty("rubrics").EnumerateArray().Select(c => c.GetString()!).ToList(),
                b.Value.GetProperty("min").GetInt32(),
                b.Value.GetProperty("max").ValueKind == JsonValueKind.Null ? null : b.Value.GetProperty("max").GetInt32(),
                b.Value.GetProperty("usage").EnumerateObject().ToDictionary(u => u.Name, u => u.Value.GetString()!),
                b.Value.TryGetProperty("card_01", out var card) ? card[0].GetInt32() : null));
            var rubrics = root.GetProperty("rubrics").EnumerateObject().ToDictionary(r => r.Name, r =>
            {
                var codes = r.Value.GetProperty("code_list") is { ValueKind: JsonValueKind.String } list && lists.TryGetProperty(list.GetString()!, out var found)
                    ? (found.TryGetProperty("values", out var values) ? values : found).EnumerateObject().Select(v => v.Name).ToHashSet(StringComparer.Ordinal)
                    : null;
                var pattern = r.Value.GetProperty("regex") is { ValueKind: JsonValueKind.String } regex ? new Regex($"^(?:{regex.GetString()})$", RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
                int Length(string name, int otherwise) => r.Value.GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : otherwise;
                return new Rubric(Length("min_len", 0), Length("max_len", int.MaxValue), pattern, codes,
                    r.Value.GetProperty("nature").GetString() == "Date", r.Value.GetProperty("usage").EnumerateObject().ToDictionary(u => u.Name, u => u.Value.GetString()!));
            });
            return new Norm(blocks, rubrics, root.GetProperty("envelope").GetProperty("children").EnumerateArray().Select(c => c.GetString()!).ToList());
        }
    }
}
