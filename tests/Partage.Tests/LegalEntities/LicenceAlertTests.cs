using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.LegalEntities;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.LegalEntities;

/// <summary>A licence ending within 60 days is told to finance once; a renewal entered as a new licence supersedes it. Its own class: it moves the clock to 2029.</summary>
public class LicenceAlertTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private Task<string?> RunAsync() => factory.InScopeAsync(s => s.GetRequiredKeyedService<IScheduledWork>(LicenceExpiryAlerts.Key).RunAsync(CancellationToken.None));

    private Task<List<OutboxMessage>> MailsAsync() => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking()
        .Where(m => m.Subject.Contains("licence de spectacles")).ToListAsync());

    [Fact]
    public async Task LicenceEndingWithinSixtyDays_ToldToFinanceOnce_ARenewedOneIsNot()
    {
        await World.OfAsync(factory);
        Assert.Null(await RunAsync());
        await factory.InScopeAsync(s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            db.Add(new PerformanceLicence { Id = Guid.CreateVersion7(), LegalEntityId = LegalEntitiesReferenceData.Lna, Category = 2, Number = "PLATESV-D-2029-000777", ValidUntil = new DateOnly(2034, 6, 30) });
            return db.SaveChangesAsync();
        });

        factory.Clock.Advance(new DateTimeOffset(2029, 5, 15, 10, 0, 0, TimeSpan.Zero) - factory.Clock.GetUtcNow());   // 46 days before 30 June 2029
        Assert.StartsWith("1 licence(s) à renouveler", await RunAsync(), StringComparison.Ordinal);
        var mail = Assert.Single(await MailsAsync(), m => m.To == World.Finance);
        Assert.Contains("PLATESV-R-2024-000103 expire le 30/06/2029", mail.Subject, StringComparison.Ordinal);   // category 3; category 2 was renewed
        Assert.DoesNotContain(await MailsAsync(), m => m.Subject.Contains("000102", StringComparison.Ordinal) || m.To == World.Payroll);

        Assert.Null(await RunAsync());                                                                        // once
        Assert.Single(await MailsAsync(), m => m.To == World.Finance);
    }
}
