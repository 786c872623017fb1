using System.Net;
using System.Net.Http.Json;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>A person cannot run the payroll "until" a day to come: wages would be batched before their pay day.</summary>
public class PayrollRunDateTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task ARunUntilTomorrow_IsRefusedWithAFieldMessage_TodayIsAccepted()
    {
        await OpenAsync(factory);
        using var payroll = await factory.ClientForAsync(World.Payroll);
        using var tomorrow = await payroll.PostAsJsonAsync("/api/v1/payroll/runs", new { Until = TestDates.Text(TestDates.Today.AddDays(1)) });
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        var problem = await tomorrow.Content.ReadAsStringAsync();
        Assert.Contains("until", problem, StringComparison.Ordinal);
        Assert.Contains("au plus tard jusqu'à aujourd'hui", problem, StringComparison.Ordinal);

        using var today = await payroll.PostAsJsonAsync("/api/v1/payroll/runs", new { Until = TestDates.Text(TestDates.Today) });
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
    }
}
