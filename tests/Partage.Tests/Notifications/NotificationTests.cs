using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Notifications;
using Partage.App.Modules.Notifications.Features;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Clients;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Payroll;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Notifications;

/// <summary>What waits for someone reaches them, in Partage and by e-mail, as their preferences say; sent back with a reason; on SQLite and PostgreSQL.</summary>
public abstract class NotificationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task InvoiceAboveThreshold_ManagerTold_SendsItBackWithAReason_MemberTold_ThenValidated()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var manager = await factory.ActorAsync(World.LilleManager);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Tournée", "1", "C62", "9000", null)), member);
        await Sales.IssueAsync(factory, draft.Id, member);
        var link = $"/factures/{draft.Id}";

        var waiting = Assert.Single(await NoticesAsync(manager, link));
        Assert.Equal(NoticeKind.InvoiceToValidate, waiting.Kind);
        Assert.Contains(Money.Eur(1_080_000).ToDisplayString() + " TTC", waiting.Text, StringComparison.Ordinal);
        Assert.Empty(await NoticesAsync(member, link));   // the member did it: not told of it
        Assert.Single(await MailsAsync(World.LilleManager, waiting.Text));

        var empty = await Assert.ThrowsAsync<InputValidationException>(() => SendBackAsync(draft.Id, "   ", manager));
        Assert.Contains("Reason", empty.Errors.Keys);
        var stranger = await factory.ActorAsync(World.ParisManager);
        Assert.Equal(InvoicingErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => SendBackAsync(draft.Id, "Non", stranger))).Error);

        var back = await SendBackAsync(draft.Id, "Le bon de commande du client manque.", manager);
        Assert.Equal((InvoiceStatus.Draft, "Le bon de commande du client manque."), (back.Status, back.ReturnReason));
        var returned = Assert.Single(await NoticesAsync(member, link));
        Assert.Equal(NoticeKind.InvoiceReturned, returned.Kind);
        Assert.EndsWith("Le bon de commande du client manque.", returned.Text, StringComparison.Ordinal);
        Assert.Equal(InvoicingErrors.NotPending, (await Assert.ThrowsAsync<DomainException>(() => SendBackAsync(draft.Id, "Encore", manager))).Error);

        var again = await Sales.IssueAsync(factory, draft.Id, member);
        Assert.Equal(InvoiceStatus.PendingValidation, again.Status);
        Assert.Null(again.ReturnReason);
        var issued = await factory.InScopeAsync(s => s.GetRequiredService<ValidateInvoice>().HandleAsync(draft.Id, manager));
        var told = await NoticesAsync(member, link);
        Assert.Equal([NoticeKind.InvoiceValidated, NoticeKind.InvoiceReturned], told.Select(n => n.Kind));
        Assert.Contains(issued.Number!, told[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preferences_ChooseTheChannels_PerKind()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var manager = await factory.ActorAsync(World.LilleManager);
        var preferences = await factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().GetAsync(member));
        Assert.Equal(Enum.GetValues<NoticeKind>().Where(k => !NotificationLabels.ForManagers(k)), preferences.Select(p => p.Kind));   // a member is not asked about managers' queues
        Assert.Equal(Enum.GetValues<NoticeKind>().Length, (await factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().GetAsync(manager))).Count);

        // Payments: in Partage only; payslips: neither (other kinds keep both).
        await factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().SaveAsync(
            [new NoticeChoice(NoticeKind.PaymentReceived, true, false), new NoticeChoice(NoticeKind.InvoiceValidated, false, true)], member));
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "500", null)));
        await factory.InScopeAsync(s => s.GetRequiredService<RecordInvoicePayment>().HandleAsync(issued.Id, new PaymentInput("200", null, "Acompte"), Actor.System));

        var told = await NoticesAsync(member, $"/factures/{issued.Id}");
        var paid = Assert.Single(told);   // validated by the system: e-mail only, as chosen
        Assert.Equal(NoticeKind.PaymentReceived, paid.Kind);
        Assert.Contains(Money.Eur(20_000).ToDisplayString(), paid.Text, StringComparison.Ordinal);
        Assert.Contains("reste " + Money.Eur(40_000).ToDisplayString(), paid.Text, StringComparison.Ordinal);
        Assert.Empty(await MailsAsync(World.LilleMemberEmail, paid.Text));
        Assert.Single(await MailsAsync(World.LilleMemberEmail, $"Votre facture {issued.Number}"));

        var duplicate = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().SaveAsync(
            [new NoticeChoice(NoticeKind.WagePaid, true, true), new NoticeChoice(NoticeKind.WagePaid, false, false)], member)));
        Assert.Equal(NotificationsErrors.DuplicateKind, duplicate.Error);
        await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().SaveAsync(
            [new NoticeChoice((NoticeKind)99, true, true)], member)));
        await factory.InScopeAsync(s => s.GetRequiredService<NoticePreferences>().SaveAsync(
            [new NoticeChoice(NoticeKind.PaymentReceived, true, true), new NoticeChoice(NoticeKind.InvoiceValidated, true, true)], member));
    }

    [Fact]
    public async Task Contract_ToSign_ToCountersign_SentBack_EachTold()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var manager = await factory.ActorAsync(World.LilleManager);
        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()), manager);
        var link = $"/travaux/{job.Id}";
        Assert.Equal(NoticeKind.ContractToSign, Assert.Single(await NoticesAsync(member, link)).Kind);

        await Hiring.SignAsync(factory, job, member);
        Assert.Equal(NoticeKind.ContractToCountersign, Assert.Single(await NoticesAsync(manager, link)).Kind);

        var back = await factory.InScopeAsync(s => s.GetRequiredService<SendBackContract>().HandleAsync(job.Id, new SendBackInput("Le cachet est sous le minimum de la salle."), manager));
        Assert.Equal((JobStatus.Cancelled, "Le cachet est sous le minimum de la salle."), (back.Status, back.ReturnReason));
        Assert.Equal([NoticeKind.ContractReturned, NoticeKind.ContractToSign], (await NoticesAsync(member, link)).Select(n => n.Kind));
        var twice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SendBackContract>().HandleAsync(job.Id, new SendBackInput("Encore"), manager)));
        Assert.Equal(PayrollErrors.WrongJobStatus, twice.Error);

        var countersigned = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()));
        var late = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SendBackContract>().HandleAsync(countersigned.Id, new SendBackInput("Trop tard"), manager)));
        Assert.Equal(PayrollErrors.WrongJobStatus, late.Error);
        var member2 = await factory.ActorAsync(World.ParisMemberEmail);
        Assert.Equal(PayrollErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SendBackContract>().HandleAsync(countersigned.Id, new SendBackInput("Non"), member2)))).Error);
    }

    [Fact]
    public async Task Notices_OnlyTheOwnersToRead_MarkedOnceOrAll()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "300", null)));
        var notice = Assert.Single(await NoticesAsync(member, $"/factures/{issued.Id}"));
        Assert.False(notice.Read);

        var other = await factory.ActorAsync(World.ParisMemberEmail);
        var refused = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s => { await s.GetRequiredService<MarkNoticesRead>().HandleAsync(notice.Id, other); return 0; }));
        Assert.Equal(NotificationsErrors.NotFound, refused.Error);
        Assert.DoesNotContain(notice.Id, (await factory.InScopeAsync(s => s.GetRequiredService<ListNotices>().HandleAsync(false, 1, 200, other))).Notices.Items.Select(n => n.Id));

        await factory.InScopeAsync(async s => { await s.GetRequiredService<MarkNoticesRead>().HandleAsync(notice.Id, member); return 0; });
        await factory.InScopeAsync(async s => { await s.GetRequiredService<MarkNoticesRead>().HandleAsync(notice.Id, member); return 0; });   // twice: no error
        Assert.True(Assert.Single(await NoticesAsync(member, $"/factures/{issued.Id}")).Read);
        Assert.DoesNotContain(notice.Id, (await factory.InScopeAsync(s => s.GetRequiredService<ListNotices>().HandleAsync(true, 1, 200, member))).Notices.Items.Select(n => n.Id));

        await factory.InScopeAsync(s => s.GetRequiredService<MarkNoticesRead>().AllAsync(member));
        Assert.Equal(0, await factory.InScopeAsync(s => s.GetRequiredService<ListNotices>().UnreadAsync(member)));
    }

    private Task<InvoiceView> SendBackAsync(InvoiceId id, string reason, Actor actor) =>
        factory.InScopeAsync(s => s.GetRequiredService<SendBackInvoice>().HandleAsync(id, new SendBackInput(reason), actor));

    /// <summary>The actor's notices pointing at <paramref name="link"/>, newest first.</summary>
    private Task<List<NoticeView>> NoticesAsync(Actor actor, string link) => factory.InScopeAsync(async s =>
        (await s.GetRequiredService<ListNotices>().HandleAsync(false, 1, 200, actor)).Notices.Items.Where(n => n.Link == link).ToList());

    private Task<List<OutboxMessage>> MailsAsync(string to, string text) => factory.InScopeAsync(s =>
        s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.To == to && m.Subject.Contains(text)).ToListAsync());
}

public sealed class SqliteNotificationTests(PartageFactory factory) : NotificationTests<PartageFactory>(factory);

public sealed class PostgresNotificationTests(PostgresFactory factory) : NotificationTests<PostgresFactory>(factory);
