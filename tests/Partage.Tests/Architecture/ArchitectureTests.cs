using System.Reflection;
using NetArchTest.Rules;

namespace Partage.Tests.Architecture;

/// <summary>The layout rules of docs/architecture.md, enforced.</summary>
public class ArchitectureTests
{
    private static readonly Assembly App = typeof(Program).Assembly;
    private static readonly Assembly Kernel = typeof(Partage.Kernel.Money).Assembly;

    [Fact]
    public void Kernel_ReferencesNoFrameworkForStorageOrWeb()
    {
        var result = Types.InAssembly(Kernel).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Partage.App", "Partage.Persistence")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    public static TheoryData<string> Modules() =>
        new(App.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Partage.App.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Distinct().Order());

    /// <summary>
    /// A module may use of another module only its public contract: the I*Api interface, the
    /// views and references it returns, ids, enums, error codes and labels. Never its entities,
    /// handlers (Features) or pages. EF configurations are exempt: a foreign key names the
    /// other module's table.
    /// </summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_TouchesOtherModulesOnlyThroughTheirContract(string module)
    {
        var forbidden = App.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Partage.App.Modules.", StringComparison.Ordinal) == true
                && t.Namespace.Split('.')[3] != module
                && !IsContract(t))
            .Select(t => t.FullName!.Split('`')[0])
            .Where(n => !n.Contains('<', StringComparison.Ordinal) && !n.Contains('+', StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        var result = Types.InAssembly(App)
            .That().ResideInNamespaceStartingWith($"Partage.App.Modules.{module}")
            .And().DoNotHaveNameEndingWith("Configuration")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();
        Assert.True(result.IsSuccessful, $"{module} reaches into another module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static readonly HashSet<Type> ApiTypes = ExchangedByApis();

    /// <summary>
    /// A module's contract: its I*Api interface and every type that interface exchanges
    /// (parameters, results, and, transitively, their properties), plus ids, enums, error codes,
    /// labels and reference data.
    /// </summary>
    private static bool IsContract(Type t) =>
        ApiTypes.Contains(t)
        || t.IsEnum
        || t.Name.EndsWith("Id", StringComparison.Ordinal)
        || t.Name.EndsWith("Errors", StringComparison.Ordinal)
        || t.Name.EndsWith("Labels", StringComparison.Ordinal)
        || t.Name.EndsWith("ReferenceData", StringComparison.Ordinal)
        || t.Name is "Trade" or "Trades" or "BusinessModules" or "ChartOfAccounts" or "IAuditLog";

    private static HashSet<Type> ExchangedByApis()
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(App.GetTypes().Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Api", StringComparison.Ordinal)
            && t.Namespace?.StartsWith("Partage.App.Modules.", StringComparison.Ordinal) == true));
        while (pending.TryPop(out var type))
        {
            if (type.Assembly != App || !found.Add(type))
            {
                continue;
            }

            var members = type.IsInterface
                ? type.GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
                : type.GetProperties().Select(p => p.PropertyType);
            foreach (var used in members.SelectMany(Unwrap))
            {
                pending.Push(used);
            }
        }

        return found;
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap) : type.IsArray ? Unwrap(type.GetElementType()!) : [type];

    [Fact]
    public void BannedSymbols_SystemClockAndUnsafeRoundingStayBanned()
    {
        // The banned-API analyzer stops DateTime.Now at build time; this guards against its removal.
        var bannedFile = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "BannedSymbols.txt");
        var banned = File.ReadAllText(bannedFile);
        Assert.Contains("P:System.DateTime.UtcNow", banned, StringComparison.Ordinal);
        Assert.Contains("M:System.Decimal.Round(System.Decimal,System.Int32)", banned, StringComparison.Ordinal);
    }

    /// <summary>
    /// The groups of modules that reach one another (strongly connected parts of the module graph:
    /// who uses whom, contracts included, EF configurations aside). Issue 14 breaks them; until then
    /// this list only shrinks: a new cycle, or a module drawn into one, fails here, and a cycle broken
    /// must leave the list.
    /// </summary>
    private static readonly string[] CyclesLeft = ["Activities, Ledger, Members", "Employers, Invoicing, Payroll"];

    [Fact]
    public void ModuleGraph_NoCycleBeyondThoseLeftToBreak()
    {
        var modules = App.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Partage.App.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).Distinct().Order().ToList();
        var uses = modules.ToDictionary(m => m, m => modules.Where(other => other != m && !Types.InAssembly(App)
            .That().ResideInNamespace($"Partage.App.Modules.{m}").Or().ResideInNamespaceStartingWith($"Partage.App.Modules.{m}.")
            .And().DoNotHaveNameEndingWith("Configuration")
            .ShouldNot().HaveDependencyOnAny($"Partage.App.Modules.{other}")
            .GetResult().IsSuccessful).ToList());

        var cycles = Cycles(uses);

        Assert.True(CyclesLeft.SequenceEqual(cycles), $"Module cycles: {string.Join(" | ", cycles)}; graph: {string.Join("; ", uses.Select(u => $"{u.Key} -> {string.Join(" ", u.Value)}"))}");
    }

    [Fact]
    public void Cycles_FindsEachGroupOfModulesThatReachOneAnother()
    {
        var graph = new Dictionary<string, List<string>>
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A", "D"], ["D"] = [], ["E"] = ["F"], ["F"] = ["E"], ["G"] = ["A"],
        };

        Assert.Equal(["A, B, C", "E, F"], Cycles(graph));
        graph["D"].Add("G");   // a deliberate violation: D now leads back to A, through G
        Assert.Equal(["A, B, C, D, G", "E, F"], Cycles(graph));
    }

    /// <summary>Groups of two or more nodes that all reach one another, each as "A, B, C", in order.</summary>
    private static List<string> Cycles(IReadOnlyDictionary<string, List<string>> graph)
    {
        HashSet<string> Reach(string from)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>(graph[from]);
            while (pending.TryPop(out var node))
            {
                if (seen.Add(node))
                {
                    foreach (var next in graph[node])
                    {
                        pending.Push(next);
                    }
                }
            }

            return seen;
        }

        var reach = graph.Keys.ToDictionary(n => n, Reach);
        return graph.Keys
            .Select(n => graph.Keys.Where(o => o == n || (reach[n].Contains(o) && reach[o].Contains(n))).Order(StringComparer.Ordinal).ToList())
            .Where(group => group.Count > 1)
            .Select(group => string.Join(", ", group))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
