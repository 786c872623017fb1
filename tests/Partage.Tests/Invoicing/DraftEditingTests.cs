using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

/// <summary>Drafts as people write them: French numbers, edited, thrown away, duplicated — on SQLite and PostgreSQL.</summary>
public abstract class DraftEditingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    [Fact]
    public async Task Draft_TakesNumbersTypedTheFrenchWay()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id,
            ("Concert", "1", "C62", "1 200,50", null), ("Répétitions", "2,5", "HUR", "1\u202f000.5", null)));
        Assert.Equal([120_050L, 250_125L], draft.Lines.Select(l => l.Net.Cents));
    }

    [Fact]
    public async Task DeleteDraft_GoneWithItsLines_Audited_IssuedRefused()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "300", null)));
        await DeleteAsync(draft.Id);

        var (invoices, lines, audited) = await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            return (await db.Set<Invoice>().CountAsync(i => i.Id == draft.Id), await db.Set<InvoiceLine>().CountAsync(l => l.InvoiceId == draft.Id),
                await db.Set<AuditEvent>().CountAsync(a => a.Action == "invoicing.draft_deleted" && a.ResourceId == draft.Id.ToString()));
        });
        Assert.Equal((0, 0, 1), (invoices, lines, audited));
        var again = await Assert.ThrowsAsync<DomainException>(() => DeleteAsync(draft.Id));
        Assert.Equal(InvoicingErrors.NotFound, again.Error);

        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "300", null)));
        var refused = await Assert.ThrowsAsync<DomainException>(() => DeleteAsync(issued.Id));
        Assert.Equal(InvoicingErrors.NotDraft, refused.Error);
    }

    [Fact]
    public async Task DeleteAndIssueAtOnce_OneWins_NumberNeverLostOnADeletedInvoice()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "300", null)));
        var delete = Attempts.CatchAsync(() => DeleteAsync(draft.Id));
        var issue = Attempts.CatchAsync(() => Sales.IssueAsync(factory, draft.Id));
        var outcomes = await Task.WhenAll(delete, issue);

        var left = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Invoice>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == draft.Id));
        Assert.All(outcomes, o => Assert.True(o is null or DomainException, $"{o}"));
        if (left is null)
        {
            Assert.Null(outcomes[0]);
            Assert.NotNull(outcomes[1]);
        }
        else
        {
            Assert.Equal(InvoiceStatus.Issued, left.Status);
            Assert.NotNull(left.Number);
            Assert.NotNull(outcomes[0]);
        }
    }

    [Fact]
    public async Task Duplicate_NewDraftDatedToday_SameClientAndLines_NoNumber()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id,
            ("Cours de piano, novembre", "4", "HUR", "45,50", null), ("Partitions", "1", "C62", "12", "FR_5_5")));
        var copy = await factory.InScopeAsync(s => s.GetRequiredService<DuplicateInvoice>().HandleAsync(issued.Id, Actor.System));

        Assert.NotEqual(issued.Id, copy.Id);
        Assert.Equal(InvoiceStatus.Draft, copy.Status);
        Assert.Null(copy.Number);
        Assert.Equal((issued.ClientId, issued.ActivityId, issued.BuyerReference), (copy.ClientId, copy.ActivityId, copy.BuyerReference));
        Assert.Equal(TestDates.Today, copy.ServiceFrom);
        Assert.Equal(issued.Lines.Select(l => (l.Description, l.Quantity, l.Unit, l.UnitPrice, l.VatCode, l.Net)), copy.Lines.Select(l => (l.Description, l.Quantity, l.Unit, l.UnitPrice, l.VatCode, l.Net)));
        Assert.Equal((issued.Totals.Net, issued.Totals.Vat, issued.Totals.Gross), (copy.Totals.Net, copy.Totals.Vat, copy.Totals.Gross));
        Assert.Equal(issued.Totals.Breakdown, copy.Totals.Breakdown);

        var missing = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<DuplicateInvoice>().HandleAsync(InvoiceId.From(Guid.NewGuid()), Actor.System)));
        Assert.Equal(InvoicingErrors.NotFound, missing.Error);
    }

    private Task<bool> DeleteAsync(InvoiceId id) => factory.InScopeAsync(async s =>
    {
        await s.GetRequiredService<DeleteInvoiceDraft>().HandleAsync(id, Actor.System);
        return true;
    });
}

public sealed class SqliteDraftEditingTests(PartageFactory factory) : DraftEditingTests<PartageFactory>(factory);

public sealed class PostgresDraftEditingTests(PostgresFactory factory) : DraftEditingTests<PostgresFactory>(factory);
