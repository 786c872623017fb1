using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Ledger;

/// <summary>Helpers over a factory whose entities have the fiscal year 2026 open.</summary>
public static class Books
{
    public static readonly LegalEntityId Scic = LegalEntitiesReferenceData.Scic;
    public static readonly LegalEntityId Lna = LegalEntitiesReferenceData.Lna;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<PartageFactory> Opened = [];

    /// <summary>
    /// The entry of the credit note numbered <paramref name="number"/>: the invoice's entry it reverses,
    /// and the lettering codes of its and the invoice's postings on the customer's 411 (one when they cancel out).
    /// </summary>
    public static Task<(string SourceType, bool ReversesTheInvoice, IReadOnlyList<string> SharedLetters)> CreditNoteEntryAsync(PartageFactory factory, string number) =>
        factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Partage.Persistence.PartageDbContext>();
            var note = await db.Set<JournalEntry>().AsNoTracking().SingleAsync(e => e.PieceRef == number);
            var both = new[] { note.Id, note.ReversesEntryId!.Value };
            var letters = await (
                    from p in db.Set<Posting>()
                    where both.Contains(p.EntryId)
                    join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
                    where a.AuxiliaryCode != null && a.Number == "411"
                    join l in db.Set<LetteredPosting>() on p.Id equals l.PostingId into lettered
                    from l in lettered.DefaultIfEmpty()
                    join g in db.Set<Lettering>() on l.LetteringId equals g.Id into codes
                    from g in codes.DefaultIfEmpty()
                    select g == null ? "" : g.Code)
                .ToListAsync();
            var original = await db.Set<JournalEntry>().AsNoTracking().SingleAsync(e => e.Id == note.ReversesEntryId);
            return (note.SourceType, original.PieceRef != number, (IReadOnlyList<string>)letters.Distinct().ToList());
        });

    public static async Task<World> OpenAsync(PartageFactory factory)
    {
        var world = await World.OfAsync(factory);
        await Gate.WaitAsync();
        try
        {
            if (Opened.Add(factory))
            {
                // 2026, where the tests' documents are dated, to the year after the test clock's (PARTAGE_TEST_NOW): "today" and
                // the weeks a test moves its clock on.
                for (var year = 2026; year <= Kernel.ParisTime.DateOf(PartageFactory.Now).Year + 1; year++)
                {
                    await OpenYearOnceAsync(factory, year);
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        return world;
    }

    private static readonly HashSet<(PartageFactory, int)> OpenYears = [];

    /// <summary>Opens another fiscal year for every entity, once per factory (jobs far in the future post their payroll there).</summary>
    public static async Task OpenYearAsync(PartageFactory factory, int year)
    {
        await Gate.WaitAsync();
        try
        {
            await OpenYearOnceAsync(factory, year);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Under <see cref="Gate"/>.</summary>
    private static async Task OpenYearOnceAsync(PartageFactory factory, int year)
    {
        if (OpenYears.Add((factory, year)))
        {
            await factory.InScopeAsync(async s =>
            {
                foreach (var code in new[] { "SCIC", "LNA", "GE" })
                {
                    await s.GetRequiredService<OpenFiscalYear>().HandleAsync(new OpenFiscalYearInput(code, $"{year}-01-01", $"{year}-12-31"), Actor.System);
                }

                return 0;
            });
        }
    }

    public static Task<EntryView> PostAsync(PartageFactory factory, LegalEntityId entity, DateOnly date, string key, params (string Account, Side Side, long Cents, ActivityId? Activity)[] lines) =>
        factory.InScopeAsync(async s =>
        {
            var ledger = s.GetRequiredService<ILedgerApi>();
            var postings = new List<PostingLine>();
            foreach (var (account, side, cents, activity) in lines)
            {
                postings.Add(new PostingLine(await ledger.AccountAsync(entity, account), side, Money.Eur(cents), activity));
            }

            return await ledger.PostAsync(new PostEntryRequest(entity, "OD", date, "Écriture de test", "test", key, key, postings), Actor.System);
        });

    public static Task<ActivityBudget> BudgetAsync(PartageFactory factory, ActivityId activity) =>
        factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(activity));

    public static DateOnly D(int month, int day) => new(2026, month, day);
}
