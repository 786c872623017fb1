using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Employers;

/// <summary>
/// The rate the tax office notified for one of an employer's staff, entered by payroll staff and
/// used by that person's payslips from its date (the default grid before it or without it).
/// </summary>
public abstract class StaffTaxRateTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task NotifiedRate_EnteredByPayrollStaff_WithheldOnThePayslip_NeverEdited()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        var employerActor = await factory.ActorAsync(World.Employer);
        var imported = await factory.InScopeAsync(s => s.GetRequiredService<ImportStaffContracts>().HandleAsync(world.LilleEmployer,
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", string.Join(";", ImportStaffContracts.Columns),
                StaffPayrollTests.Line("TAUX", StaffPayrollTests.Nir(81), "2026-12-02", "2026-12-03", cachets: "2", gross: "2400,00")))), employerActor));
        var contract = Assert.Single(imported.Contracts);

        using var staff = await factory.ClientForAsync(World.Payroll);
        var url = $"/api/v1/employers/{world.LilleEmployer}/tax-rates";
        var people = await staff.GetFromJsonAsync<JsonElement>(url);
        var person = people.EnumerateArray().Single(p => p.GetProperty("staffName").GetString() == "Alex TAUX");
        var personId = person.GetProperty("staffMemberId").GetString();
        Assert.Equal(0, person.GetProperty("rates").GetArrayLength());

        // Bad input is named field by field; nothing is stored.
        using var bad = await staff.PostAsJsonAsync(url, new { StaffMemberId = personId, Rate = "0,9", From = "2026-12-01", Source = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Rate", out _) && errors.TryGetProperty("Source", out _), errors.ToString());   // above the top marginal rate (45 %)
        using var badDate = await staff.PostAsJsonAsync(url, new { StaffMemberId = personId, Rate = "0,075", From = "2026-13-01", Source = "CRM" });
        Assert.True(JsonDocument.Parse(await badDate.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("From", out _));
        using var stranger = await staff.PostAsJsonAsync(url, new { StaffMemberId = Guid.NewGuid().ToString(), Rate = "0,075", From = "2026-12-01", Source = "CRM" });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);

        using var added = await staff.PostAsJsonAsync(url, new { StaffMemberId = personId, Rate = "0,075", From = "2026-12-01", Source = "Compte rendu DSN du 2026-11-20" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var again = await staff.PostAsJsonAsync(url, new { StaffMemberId = personId, Rate = "0,08", From = "2026-12-01", Source = "Erreur" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);   // never edited: a new value takes another date

        // The employer and other accounts do not enter rates.
        using var employer = await factory.ClientForAsync(World.Employer);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PostAsJsonAsync(url, new { StaffMemberId = personId, Rate = "0", From = "2026-12-02", Source = "x" })).StatusCode);
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);

        using var browser = await factory.SignedInBrowserAsync(World.Payroll);
        var page = await browser.GetStringAsync($"/employeurs/{world.LilleEmployer}/taux");
        Assert.Contains("Alex TAUX", page, StringComparison.Ordinal);
        Assert.Contains("7,5 %", page, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(8));
        await factory.InScopeAsync(s => s.GetRequiredService<ComputeStaffPayslips>().HandleAsync(new DateOnly(2026, 12, 4), Actor.System));
        var payslip = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<StaffPayslip>().AsNoTracking().SingleAsync(p => p.ContractId == contract.Id));
        Assert.Equal((0.075m, false), (payslip.Figures.TaxRate, payslip.Figures.NeutralTaxRate));
        Assert.Equal(Rounding.ToCents(decimal.Round(payslip.Figures.NetTaxableCents / 100m * 0.075m, 2, MidpointRounding.AwayFromZero)), payslip.Figures.TaxCents);
        Assert.True(payslip.Figures.TaxCents > 0);
    }
}

public sealed class SqliteStaffTaxRateTests(December2026Factory factory) : StaffTaxRateTests<December2026Factory>(factory);

public sealed class PostgresStaffTaxRateTests(PostgresDecember2026Factory factory) : StaffTaxRateTests<PostgresDecember2026Factory>(factory);
