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
}
