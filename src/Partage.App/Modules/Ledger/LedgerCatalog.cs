using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger;

/// <summary>
/// What posting needs to know of journals and accounts, kept in memory: both are only ever added,
/// never edited or removed, so a fact read once stays true (and foreign keys back it up). Fiscal
/// years and closed months change, so they are always read from the database.
/// </summary>
internal sealed class LedgerCatalog
{
    internal sealed record AccountFacts(LegalEntityId LegalEntityId, string Number, string Label, string? AuxiliaryCode, string? AuxiliaryLabel);

    private readonly ConcurrentDictionary<AccountId, AccountFacts> accounts = new();
    private readonly ConcurrentDictionary<(LegalEntityId, string), bool> journals = new();
    private readonly ConcurrentDictionary<(LegalEntityId, string), AccountId> generalAccounts = new();

    /// <summary>
    /// An entity's general account by its number (no auxiliary code), or null if it has none: a payroll run
    /// asks for the same seven accounts for each of its payslips (140,000 queries for 20,000 contracts,
    /// docs/performance.md). Only accounts found are kept: one added later is found then.
    /// </summary>
    public async Task<AccountId?> GeneralAccountAsync(PartageDbContext db, LegalEntityId entity, string number, CancellationToken ct)
    {
        if (generalAccounts.TryGetValue((entity, number), out var known))
        {
            return known;
        }

        var id = await db.Set<LedgerAccount>().Where(a => a.LegalEntityId == entity && a.Number == number && a.AuxiliaryCode == null)
            .Select(a => (AccountId?)a.Id).SingleOrDefaultAsync(ct);
        if (id is { } found)
        {
            generalAccounts.TryAdd((entity, number), found);
        }

        return id;
    }

    public async Task<bool> JournalExistsAsync(PartageDbContext db, LegalEntityId entity, string code, CancellationToken ct)
    {
        if (journals.ContainsKey((entity, code)))
        {
            return true;
        }

        var exists = await db.Set<Journal>().AnyAsync(j => j.LegalEntityId == entity && j.Code == code, ct);
        if (exists)
        {
            journals.TryAdd((entity, code), true);
        }

        return exists;
    }

    /// <summary>The facts of the known accounts among <paramref name="ids"/>, including those added to <paramref name="db"/> and not saved yet.</summary>
    public async Task<Dictionary<AccountId, AccountFacts>> AccountsAsync(PartageDbContext db, IReadOnlySet<AccountId> ids, CancellationToken ct)
    {
        var found = new Dictionary<AccountId, AccountFacts>();
        var missing = new List<AccountId>();
        foreach (var id in ids)
        {
            if (accounts.TryGetValue(id, out var facts))
            {
                found[id] = facts;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        foreach (var a in await db.Set<LedgerAccount>().AsNoTracking().Where(a => missing.Contains(a.Id)).ToListAsync(ct))
        {
            found[a.Id] = accounts.GetOrAdd(a.Id, Facts(a));
        }

        // Created in this unit of work (a client's first invoice): usable, not cached until saved.
        foreach (var pending in db.Set<LedgerAccount>().Local.Where(a => missing.Contains(a.Id)))
        {
            found.TryAdd(pending.Id, Facts(pending));
        }

        return found;
    }

    private static AccountFacts Facts(LedgerAccount a) => new(a.LegalEntityId, a.Number, a.Label, a.AuxiliaryCode, a.AuxiliaryLabel);
}
