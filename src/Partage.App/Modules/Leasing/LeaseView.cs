using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Members;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing;

public sealed record LeaseTermsView(int Months, decimal AnnualRatePercent, Money MonthlyFee, Money Deposit, DateOnly FirstDueOn, int DueDay, DateOnly ApprovedOn, string ApprovedBy);

public sealed record LeasePurchaseView(string InvoiceNumber, DateOnly InvoiceDate, Money AmountExclVat, Money Vat, string AssetAccount, int UsefulLifeYears, EntryId EntryId);

public sealed record MandateView(string Reference, string DebtorName, string MaskedIban, DateOnly SignedOn);

public sealed record InstalmentView(
    Guid Id, int Number, DateOnly DueOn, Money Amount, Money Interest, Money Capital, Money Remaining, InstalmentStatus Status, string StatusLabel, DateOnly? CollectedOn,
    EntryId? EntryId, DateOnly? PrenotifiedOn);

/// <summary>A lease as its member and staff see it: the request, the terms, the purchase, the schedule and where it stands.</summary>
public sealed record LeaseView(
    LeaseId Id, string Number, LeaseStatus Status, string StatusLabel, ActivityId ActivityId, string ActivityName, MemberId MemberId, long MemberNumber, string MemberName,
    OfficeId OfficeId, string Description, string Kind, string KindLabel, string Supplier, string? QuoteName, Money PriceExclVat, Money PriceInclVat, int WishedMonths,
    DateOnly RequestedOn, string RequestedBy, LeaseTermsView? Terms, string? RefusalReason, LeasePurchaseView? Purchase, MandateView? Mandate, int PausedMonths,
    DateOnly? ClosedOn, string? ClosingNote, Money Financed, Money Collected, Money RemainingCapital, Money Arrears, int UnpaidInstalments, InstalmentView? NextDue,
    IReadOnlyList<InstalmentView> Instalments, IReadOnlyList<DepreciationRow> Depreciation);

public static class LeasingLabels
{
    public static string Of(LeaseStatus status) => status switch
    {
        LeaseStatus.Requested => "Demande à étudier",
        LeaseStatus.Refused => "Refusée",
        LeaseStatus.Approved => "Accordée, achat à enregistrer",
        LeaseStatus.Active => "En cours",
        LeaseStatus.PaidOff => "Remboursée par anticipation",
        LeaseStatus.Ended => "Terminée, matériel cédé",
        _ => "En défaut",
    };

    public static string Of(InstalmentStatus status) => status switch
    {
        InstalmentStatus.Due => "À venir",
        InstalmentStatus.Paid => "Prélevée sur le budget",
        InstalmentStatus.DirectDebited => "Prélevée sur le compte du membre",
        InstalmentStatus.Unpaid => "Impayée",
        _ => "Annulée",
    };
}

/// <summary>Builds the views of leases: names from Members and Activities, the schedule's sums, the depreciation of the asset.</summary>
public sealed class LeaseViews(PartageDbContext db, IMembersApi members, IActivitiesApi activities)
{
    public static bool Collected(InstalmentStatus status) => status is InstalmentStatus.Paid or InstalmentStatus.DirectDebited;

    public async Task<LeaseView> OfAsync(Lease lease, CancellationToken ct)
    {
        var instalments = await db.Set<LeaseInstalment>().AsNoTracking().Where(i => i.LeaseId == lease.Id).OrderBy(i => i.Number).ToListAsync(ct);
        return (await BuildAsync([lease], instalments, ct))[0];
    }

    public async Task<IReadOnlyList<LeaseView>> ManyAsync(IReadOnlyList<Lease> leases, CancellationToken ct)
    {
        var ids = leases.Select(l => l.Id).ToList();
        var instalments = await db.Set<LeaseInstalment>().AsNoTracking().Where(i => ids.Contains(i.LeaseId)).OrderBy(i => i.Number).ToListAsync(ct);
        return await BuildAsync(leases, instalments, ct);
    }

    private async Task<IReadOnlyList<LeaseView>> BuildAsync(IReadOnlyList<Lease> leases, List<LeaseInstalment> instalments, CancellationToken ct)
    {
        var people = await members.FindManyAsync(leases.Select(l => l.MemberId).Distinct().ToList(), ct);
        var names = await activities.NamesAsync(leases.Select(l => l.ActivityId).Distinct().ToList(), ct);
        var byLease = instalments.ToLookup(i => i.LeaseId);
        return leases.Select(l => View(l, byLease[l.Id].ToList(), people.GetValueOrDefault(l.MemberId), names.GetValueOrDefault(l.ActivityId, string.Empty))).ToList();
    }

    private static LeaseView View(Lease l, List<LeaseInstalment> lines, MemberRef? member, string activity)
    {
        var views = lines.Select(i => new InstalmentView(i.Id, i.Number, i.DueOn, Money.Eur(i.AmountCents), Money.Eur(i.InterestCents), Money.Eur(i.CapitalCents),
            Money.Eur(i.RemainingCents), i.Status, LeasingLabels.Of(i.Status), i.CollectedOn, i.EntryId, i.PrenotifiedOn)).ToList();
        var t = l.Terms;
        var p = l.Purchase;
        var open = lines.Where(i => i.Status is InstalmentStatus.Due or InstalmentStatus.Unpaid).ToList();
        return new LeaseView(
            l.Id, l.Number, l.Status, LeasingLabels.Of(l.Status), l.ActivityId, activity, l.MemberId, member?.Number ?? 0, member?.FullName ?? string.Empty, l.OfficeId,
            l.Description, l.Kind, LeasingTerms.KindLabel(l.Kind), l.Supplier, l.QuoteName, Money.Eur(l.PriceExclVatCents), Money.Eur(l.PriceInclVatCents), l.WishedMonths,
            l.RequestedOn, l.RequestedBy,
            t is null ? null : new LeaseTermsView(t.Months, t.AnnualRatePercent, Money.Eur(t.MonthlyFeeCents), Money.Eur(t.DepositCents), t.FirstDueOn, t.DueDay, t.ApprovedOn, t.ApprovedBy),
            l.RefusalReason,
            p is null ? null : new LeasePurchaseView(p.InvoiceNumber, p.InvoiceDate, Money.Eur(p.AmountExclVatCents), Money.Eur(p.VatCents), p.AssetAccount, p.UsefulLifeYears, p.EntryId),
            l.Mandate is { } m ? new MandateView(m.Reference, m.DebtorName, Iban.Parse(m.Iban).Masked, m.SignedOn) : null,
            l.PausedMonths, l.ClosedOn, l.ClosingNote, Money.Eur(l.FinancedCents),
            Money.Eur(lines.Where(i => Collected(i.Status)).Sum(i => i.AmountCents)),
            Money.Eur(open.Sum(i => i.CapitalCents)),
            Money.Eur(lines.Where(i => i.Status == InstalmentStatus.Unpaid).Sum(i => i.AmountCents)),
            lines.Count(i => i.Status == InstalmentStatus.Unpaid),
            views.FirstOrDefault(i => i.Status == InstalmentStatus.Due),
            views,
            p is null ? [] : Depreciation.Schedule(p.AmountExclVatCents, p.InvoiceDate, p.UsefulLifeYears));
    }
}
