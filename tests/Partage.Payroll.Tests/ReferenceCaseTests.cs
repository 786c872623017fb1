using System.Text.Json;

namespace Partage.Payroll.Tests;

/// <summary>The reference payslips (OpenFisca-France cross-checked with URSSAF's mon-entreprise), each line within 0.01 EUR and each total within 0.05 EUR.</summary>
public class ReferenceCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load())
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_EveryLineAndTotalWithinTolerance(string id)
    {
        var reference = Load().Single(c => c.Id == id);
        var result = PayslipEngine.Compute(reference.Request, ParameterCatalog.Default);
        var problems = new List<string>();
        foreach (var (family, expected) in reference.Lines)
        {
            var lines = result.Lines.Where(l => LineFamily.Holds(family, l.Code)).ToList();
            var (employee, employer) = (lines.Sum(l => l.EmployeeAmount), lines.Sum(l => l.EmployerAmount));
            if (Math.Abs(employee - expected.Employee) > reference.LineTolerance || Math.Abs(employer - expected.Employer) > reference.LineTolerance)
            {
                problems.Add($"{family}: {employee}/{employer}, expected {expected.Employee}/{expected.Employer}");
            }
        }

        var unexpected = result.Lines.Where(l => (l.EmployeeAmount != 0 || l.EmployerAmount != 0) && !reference.Lines.Keys.Any(f => LineFamily.Holds(f, l.Code)));
        problems.AddRange(unexpected.Select(l => $"{l.Code}: not in the reference ({l.EmployeeAmount}/{l.EmployerAmount})"));
        void Total(string name, decimal actual, decimal expected)
        {
            if (Math.Abs(actual - expected) > reference.TotalTolerance)
            {
                problems.Add($"{name}: {actual}, expected {expected}");
            }
        }

        Total("rgdu", result.Reductions.Where(r => r.Code == "rgdu").Sum(r => r.Amount), reference.Rgdu);
        Total("net_before_tax", result.NetBeforeTax, reference.NetBeforeTax);
        Total("net_taxable", result.NetTaxable, reference.NetTaxable);
        Total("employer_cost", result.EmployerCost, reference.EmployerCost);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Cases_AreAllThere()
    {
        Assert.Equal(9, Load().Count);
    }

    internal sealed record Shares(decimal Employee, decimal Employer);

    internal sealed record ReferenceCase(string Id, PayrollRequest Request, Dictionary<string, Shares> Lines, decimal Rgdu, decimal NetBeforeTax, decimal NetTaxable, decimal EmployerCost,
        decimal LineTolerance, decimal TotalTolerance);

    internal static List<ReferenceCase> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "cases", "regime-general-2026-03.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c =>
        {
            var expected = c.GetProperty("expected");
            var lines = expected.GetProperty("lines").EnumerateObject()
                .ToDictionary(l => l.Name, l => new Shares(l.Value.GetProperty("employee").GetDecimal(), l.Value.GetProperty("employer").GetDecimal()), StringComparer.Ordinal);
            var tolerance = c.GetProperty("tolerance_eur");
            return new ReferenceCase(c.GetProperty("id").GetString()!, c.GetProperty("request").Deserialize<PayrollRequest>(PayrollJson.Options)!, lines,
                expected.GetProperty("reductions").GetProperty("rgdu").GetDecimal(), expected.GetProperty("net_before_tax").GetDecimal(),
                expected.GetProperty("net_taxable").GetDecimal(), expected.GetProperty("employer_cost").GetDecimal(),
                tolerance.GetProperty("line").GetDecimal(), tolerance.GetProperty("total").GetDecimal());
        }).ToList();
    }
}
