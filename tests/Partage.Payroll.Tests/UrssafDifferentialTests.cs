using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Partage.Payroll.Tests;

/// <summary>
/// 320 random régime général payslips of 2026 computed by the engine and by URSSAF's own rules
/// (modele-social run with Node, Oracle/): every line within 0.01 EUR, every total within 0.05 EUR.
/// Salaries from 0.5 to 12 SMIC, cadre or not, under and over 11 and 50 employees, CDI and CDD,
/// every month of 2026 (the SMIC changed on 1 June).
/// </summary>
public class UrssafDifferentialTests
{
    private const int Count = 320;

    // Families whose wording or scope differ between the engine and modele-social, with the reason; none today.
    private static readonly Dictionary<string, string> DeliberateDivergences = new(StringComparer.Ordinal);

    [Fact]
    public async Task RandomPayslips_AgreeWithUrssafLineByLine()
    {
        var random = new Random(20261126);
        int[] headcounts = [5, 10, 11, 20, 49, 50, 60, 250];
        decimal[] atRates = [0.0064m, 0.01m, 0.0123m, 0.0208m, 0.035m];
        var requests = new List<PayrollRequest>();
        for (var n = 0; n < Count; n++)
        {
            var month = 1 + (n % 12);
            var start = new DateOnly(2026, month, 1);
            var smic = ParameterCatalog.Default.ValueOn("smic_horaire", start)!.Value * 151.67m;
            var gross = decimal.Round(smic * (decimal)(0.5 + (random.NextDouble() * 11.5)), 2, MidpointRounding.AwayFromZero);
            var cdd = random.Next(2) == 0;
            requests.Add(new PayrollRequest($"2026-{month:D2}", new EmployerInput(headcounts[random.Next(headcounts.Length)], atRates[random.Next(atRates.Length)], 0, false, false, null),
                new EmployeeInput("regime_general", random.Next(2) == 0, null), new ContractInput(cdd ? "CDD" : "CDI", start, start.AddMonths(1).AddDays(-1)),
                new WorkInput(151.67m, null, null), gross) { Id = $"random-{n:D3}" });
        }

        var oracle = await EvaluateAsync(requests);
        var problems = new List<string>();
        foreach (var request in requests)
        {
            var ours = PayslipEngine.Compute(request, ParameterCatalog.Default);
            var theirs = oracle[request.Id!];
            var describe = $"{request.Id} {request.Period} {request.Gross} € {(request.Employee!.Cadre ? "cadre" : "non cadre")} {request.Employer!.Headcount} sal. {request.Contract!.Type}";
            foreach (var family in theirs.GetProperty("values").EnumerateObject().Where(f => !DeliberateDivergences.ContainsKey(f.Name)))
            {
                var lines = ours.Lines.Where(l => LineFamily.Holds(family.Name, l.Code)).ToList();
                foreach (var (side, mine) in new[] { ("employee", lines.Sum(l => l.EmployeeAmount)), ("employer", lines.Sum(l => l.EmployerAmount)) })
                {
                    var value = family.Value.GetProperty(side);
                    var expected = value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : 0m;
                    // URSSAF's figure is not rounded; each of our lines is, by at most half a cent (the apprenticeship tax is three lines, URSSAF's one).
                    if (Math.Abs(mine - expected) > 0.005m + (0.005m * Math.Max(1, lines.Count)))
                    {
                        problems.Add($"{describe}: {family.Name} {side} {mine} vs URSSAF {expected:0.####}");
                    }
                }
            }

            void Total(string name, decimal mine, JsonElement value)
            {
                var expected = value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : 0m;
                if (Math.Abs(mine - expected) > 0.05m)
                {
                    problems.Add($"{describe}: {name} {mine} vs URSSAF {expected:0.####}");
                }
            }

            Total("rgdu", ours.Reductions.Sum(r => r.Amount), theirs.GetProperty("rgdu"));
            Total("net_before_tax", ours.NetBeforeTax, theirs.GetProperty("net_before_tax"));
            // Documented divergence (../shared/payroll/README.md): modele-social adds the employer's death-cover prévoyance of cadres to the
            // net taxable; the law does not (CGI art. 83 1° quater). Their figure less that contribution must equal ours.
            var prevoyance = theirs.GetProperty("values").TryGetProperty("prevoyance_cadre", out var cadre) && cadre.GetProperty("employer").ValueKind == JsonValueKind.Number
                ? cadre.GetProperty("employer").GetDecimal() : 0m;
            Total("net_taxable", ours.NetTaxable + prevoyance, theirs.GetProperty("net_taxable"));
            Total("employer_cost", ours.EmployerCost, theirs.GetProperty("employer_cost"));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} divergences:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(60))}");
    }

    private static async Task<Dictionary<string, JsonElement>> EvaluateAsync(List<PayrollRequest> requests)
    {
        var folder = OracleFolder();
        var input = Path.Combine(Path.GetTempPath(), $"partage-payroll-oracle-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(requests.Select(r => new { id = r.Id, request = r }), PayrollJson.Options));
        try
        {
            var start = new ProcessStartInfo("node", ["evaluate.mjs", input]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, await error);
            using var document = JsonDocument.Parse(await output);
            return document.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone(), StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>tests/Partage.Payroll.Tests/Oracle, with the npm packages that ./test.sh installs there.</summary>
    private static string OracleFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Partage.Payroll.Tests", "Oracle");
            if (Directory.Exists(candidate))
            {
                Assert.True(Directory.Exists(Path.Combine(candidate, "node_modules", "modele-social")),
                    $"URSSAF's rules are not installed: run ./test.sh, or `npm ci` in {candidate}.");
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Partage.Payroll.Tests/Oracle not found above " + AppContext.BaseDirectory);
    }
}
