using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Invoicing;
using Partage.App.Security;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;
using Partage.App.Modules.Invoicing.Features;

namespace Partage.Tests.Invoicing;

/// <summary>One flow, because the class's clock only moves forward.</summary>
public class DunningTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private Task<DunningRun> RunAsync() => factory.InScopeAsync(s => s.GetRequiredService<RunDunning>().HandleAsync(Actor.System));

    /// <summary>What the client received about the invoice (the member's own notifications, "Partage : …", aside).</summary>
    private Task<List<OutboxMessage>> MailsAsync(string number) =>
        factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().Where(m => m.Subject.Contains(number) && !m.Subject.StartsWith("Partage : "))
            .OrderBy(m => m.CreatedAt).ToListAsync());

    [Fact]
    public async Task Schedule_RemindersThenFormalNotice_OncePerStep_PausedByADispute()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "400", null)) with { PaymentTermsDays = 0 });
        var quiet = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "100", null)) with { PaymentTermsDays = 0 });
        await factory.InScopeAsync(async s => { await s.GetRequiredService<DisputeInvoice>().HandleAsync(quiet.Id, "Prestation contestée", Actor.System); return 0; });

        Assert.Empty(await MailsAsync(invoice.Number!));
        factory.Clock.Advance(TimeSpan.FromDays(6));
        var first = await RunAsync();
        Assert.Equal((1, 0), (first.Reminders, first.FormalNotices));
        Assert.True(first.Disputed >= 1);
        var reminder = Assert.Single(await MailsAsync(invoice.Number!));
        Assert.Equal(client.BillingEmail, reminder.To);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(reminder.Attachment!, 0, 4), StringComparison.Ordinal);
        Assert.Equal((0, 0), ((await RunAsync()).Reminders, (await RunAsync()).FormalNotices));   // each step once

        factory.Clock.Advance(TimeSpan.FromDays(26));   // + 32 days: step 2 passed over, the formal notice sent
        var third = await RunAsync();
        Assert.Equal((0, 1), (third.Reminders, third.FormalNotices));
        var notice = (await MailsAsync(invoice.Number!)).Last();
        Assert.StartsWith("Mise en demeure", notice.Subject, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(notice.Attachment!, 0, 4), StringComparison.Ordinal);
        var log = await factory.InScopeAsync(s => s.GetRequiredService<GetDunningLog>().HandleAsync(invoice.Id, Actor.System));
        Assert.Equal([(1, true), (2, false), (3, true)], log.Select(l => (l.Step, l.Sent)));
        Assert.Empty(await MailsAsync(quiet.Number!));   // disputed: nothing sent

        await factory.InScopeAsync(async s => { await s.GetRequiredService<DisputeInvoice>().HandleAsync(quiet.Id, null, Actor.System); return 0; });
        var resumed = await RunAsync();
        Assert.Equal(1, resumed.FormalNotices);
        Assert.Single(await MailsAsync(quiet.Number!));
    }
}
