using System.Text.Json;

namespace Partage.Payroll.Tests;

/// <summary>The artists' DFS is capped at 7,600 € of deduction per calendar year and employee: what was already deducted counts.</summary>
public class DfsCapTests
{
    private static PayrollResult Artist(decimal gross, decimal? usedThisYear) =>
        PayslipEngine.Compute(WorkedExampleTests.Request("intermittent_artist", "CDDU", "2026-12-02", "2026-12-02", gross, cachets: 1, congesSpectacles: true, dfs: "dramatic")
            is var request ? request with { Employee = request.Employee! with { DfsUsedThisYear = usedThisYear } } : null!, ParameterCatalog.Default);

    [Fact]
    public void NothingUsed_TheFullDeduction()
    {
        Assert.Equal(2000m - 360m, Artist(2000m, null).SocialBase);   // 18 % for a dramatic artist in 2026
    }

    [Fact]
    public void CapNearlyReached_OnlyWhatIsLeft_ThenNothing()
    {
        Assert.Equal(2000m - 100m, Artist(2000m, 7500m).SocialBase);
        Assert.Equal(2000m, Artist(2000m, 7600m).SocialBase);
        Assert.Equal(2000m, Artist(2000m, 9000m).SocialBase);
    }

    [Fact]
    public void OnePayslipAboveTheCap_DeductsTheCapOnly()
    {
        Assert.Equal(50_000m - 7_600m, Artist(50_000m, 0).SocialBase);   // 18 % would be 9,000
    }

    [Fact]
    public void Contract_TakesTheAmountUsed_RefusesANegativeOne()
    {
        var json = """
            { "period": "2026-12", "employer": { "headcount": 20, "at_mp_rate": 0.01, "conges_spectacles": true },
              "employee": { "kind": "intermittent_artist", "cadre": false, "dfs": "musician", "dfs_used_this_year": 7550 },
              "contract": { "type": "CDDU", "start": "2026-12-02", "end": "2026-12-02" }, "work": { "cachets": 1 }, "gross": 1000.00 }
            """;
        var request = JsonSerializer.Deserialize<PayrollRequest>(json, PayrollJson.Options)!;
        Assert.Equal(1000m - 50m, PayslipEngine.Compute(request, ParameterCatalog.Default).SocialBase);
        var negative = request with { Employee = request.Employee! with { DfsUsedThisYear = -1 } };
        var refused = Assert.Throws<Kernel.InputValidationException>(() => PayslipEngine.Compute(negative, ParameterCatalog.Default));
        Assert.Contains("employee.dfs_used_this_year", refused.Errors.Keys);
    }
}
