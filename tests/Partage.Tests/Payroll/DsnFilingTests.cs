using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// The month's DSN kept as filed, deposited, then replaced ("annule et remplace") until its due date;
/// every kept file passes the project's checker. The class's clock only moves forward.
/// </summary>
public abstract class DsnFilingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task Filed_Kept_Deposited_ReplacedBeforeTheDeadline_RefusedAfter()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, new DateOnly(2026, 12, 3), days: 1, gross: "400"));
        factory.Clock.Advance(TimeSpan.FromDays(14));   // 2026-12-10
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 10), Actor.System));
        var payroll = await factory.ActorAsync(World.Payroll);
        foreach (var computed in (await factory.InScopeAsync(s => s.GetRequiredService<ListPayslips>().HandleAsync("Computed", new App.Infrastructure.PageRequest(1, 200), payroll))).Items)
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ValidatePayslip>().HandleAsync(computed.Id, payroll));
        }

        // January: December's DSN is due (payroll's home lists it) until it is deposited.
        factory.Clock.Advance(TimeSpan.FromDays(23));   // 2027-01-02
        Task<IReadOnlyList<DsnDue>> DueAsync() => factory.InScopeAsync(s => s.GetRequiredService<FileEntityDsn>().DueAsync(payroll));
        Assert.Equal([new DsnDue("LNA", "2026-12", new DateOnly(2027, 1, 5), false)], await DueAsync());

        using var staff = await factory.ClientForAsync(World.Payroll);
        async Task<JsonElement> FileAsync()
        {
            using var response = await staff.PostAsJsonAsync("/api/v1/payroll/dsn-filings", new { Entity = "LNA", Month = "2026-12" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        async Task<string> CheckedFileAsync(JsonElement filing)
        {
            var bytes = await staff.GetByteArrayAsync($"/api/v1/payroll/dsn-filings/{filing.GetProperty("id").GetString()}/file");
            Assert.Equal(filing.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));   // kept byte for byte
            var problems = DsnChecker.Check(bytes);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            return Encoding.Latin1.GetString(bytes);
        }

        var draft = await FileAsync();
        var first = await FileAsync();   // the draft was never deposited: superseded, still a normal declaration
        Assert.Equal((1, 2, "01", "01"), (draft.GetProperty("ordinal").GetInt32(), first.GetProperty("ordinal").GetInt32(), draft.GetProperty("type").GetString(), first.GetProperty("type").GetString()));
        Assert.Equal(new DateOnly(2027, 1, 5), DateOnly.Parse(first.GetProperty("deadline").GetString()!, CultureInfo.InvariantCulture));   // 300 employees: the 5th
        Assert.Contains("S20.G00.05.004,'20261202'", await CheckedFileAsync(first), StringComparison.Ordinal);
        var listed = await staff.GetFromJsonAsync<JsonElement>("/api/v1/payroll/dsn-filings?entity=LNA&month=2026-12");
        Assert.Equal(["Built", "Replaced"], listed.EnumerateArray().Select(f => f.GetProperty("status").GetString()));

        Assert.Equal([new DsnDue("LNA", "2026-12", new DateOnly(2027, 1, 5), true)], await DueAsync());   // built, not deposited yet
        var firstId = first.GetProperty("id").GetString();
        using var noReference = await staff.PostAsJsonAsync($"/api/v1/payroll/dsn-filings/{firstId}/sent", new { DepositReference = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        using var sent = await staff.PostAsJsonAsync($"/api/v1/payroll/dsn-filings/{firstId}/sent", new { DepositReference = "NE-2026-12-0001" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Empty(await DueAsync());
        using var twice = await staff.PostAsJsonAsync($"/api/v1/payroll/dsn-filings/{firstId}/sent", new { DepositReference = "NE-2026-12-0001" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var draftSent = await staff.PostAsJsonAsync($"/api/v1/payroll/dsn-filings/{draft.GetProperty("id").GetString()}/sent", new { DepositReference = "x" });
        Assert.Equal(HttpStatusCode.Conflict, draftSent.StatusCode);   // superseded: never to deposit

        // After the deposit, the next file of the month cancels and replaces it.
        var replacement = await FileAsync();
        Assert.Equal("03", replacement.GetProperty("type").GetString());
        var text = await CheckedFileAsync(replacement);
        Assert.Contains("S20.G00.05.002,'03'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S20.G00.05.006", text, StringComparison.Ordinal);   // forbidden for a monthly DSN
        using var replacementSent = await staff.PostAsJsonAsync($"/api/v1/payroll/dsn-filings/{replacement.GetProperty("id").GetString()}/sent", new { DepositReference = "NE-2026-12-0002" });
        Assert.Equal(HttpStatusCode.OK, replacementSent.StatusCode);
        listed = await staff.GetFromJsonAsync<JsonElement>("/api/v1/payroll/dsn-filings?entity=LNA&month=2026-12");
        Assert.Equal(["Sent", "Replaced", "Replaced"], listed.EnumerateArray().Select(f => f.GetProperty("status").GetString()));

        // After the due date, a deposited month is corrected in the next one.
        factory.Clock.Advance(TimeSpan.FromDays(4));   // 2027-01-06
        using var later = await factory.ClientForAsync(World.Payroll);   // a new sign-in: the first token has expired since
        using var late = await later.PostAsJsonAsync("/api/v1/payroll/dsn-filings", new { Entity = "LNA", Month = "2026-12" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("05/01/2027", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/payroll/dsn-filings")).StatusCode);
    }
}

public sealed class SqliteDsnFilingTests(December2026Factory factory) : DsnFilingTests<December2026Factory>(factory);

public sealed class PostgresDsnFilingTests(PostgresDecember2026Factory factory) : DsnFilingTests<PostgresDecember2026Factory>(factory);
