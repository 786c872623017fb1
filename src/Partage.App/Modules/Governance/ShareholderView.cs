using Microsoft.EntityFrameworkCore;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance;

public sealed record ShareMovementView(
    Guid Id, string Number, ShareMovementKind Kind, string KindLabel, DateOnly On, int Shares, Money Subscribed, Money Paid, PaymentMeans? Means, string? Decision,
    string RecordedBy, string Seal);

public sealed record CategoryPeriod(int Category, string Label, DateOnly From);

public sealed record ShareholderView(
    ShareholderId Id, string EntityCode, long? Number, MemberId? MemberId, string Name, string? Email, int Category, string CategoryLabel, ShareholderStatus Status,
    string StatusLabel, DateOnly AppliedOn, int RequestedShares, bool PaysByDeduction, DateOnly? AdmittedOn, string? Decision, DateOnly? LeftOn, LeaveReason? LeaveReason,
    string? LeaveDecision, int Shares, Money Subscribed, Money Paid, Money Unpaid, DateOnly? PaymentDeadline, IReadOnlyList<CategoryPeriod> Categories,
    IReadOnlyList<ShareMovementView> Movements);

public static class GovernanceLabels
{
    public static string Of(ShareholderStatus status) => status switch
    {
        ShareholderStatus.Applicant => "Candidature en attente",
        ShareholderStatus.Admitted => "Sociétaire",
        ShareholderStatus.Refused => "Candidature refusée",
        _ => "Sorti",
    };

    public static string Of(ShareMovementKind kind) => kind switch
    {
        ShareMovementKind.Subscription => "Souscription",
        ShareMovementKind.Payment => "Libération",
        ShareMovementKind.TransferOut => "Cession (sortie)",
        ShareMovementKind.TransferIn => "Cession (entrée)",
        _ => "Remboursement",
    };

    public static string Of(LeaveReason reason) => reason switch
    {
        LeaveReason.Resignation => "Démission",
        LeaveReason.Exclusion => "Exclusion",
        _ => "Décès",
    };

    public static string Of(PaymentMeans? means) => means switch
    {
        PaymentMeans.Bank => "virement",
        PaymentMeans.PayrollDeduction => "retenue sur salaire",
        _ => string.Empty,
    };

    public static string Of(AssemblyKind kind) => kind == AssemblyKind.Ordinary ? "Assemblée générale ordinaire" : "Assemblée générale extraordinaire";

    public static string Of(AssemblyStatus status) => status switch
    {
        AssemblyStatus.Draft => "En préparation",
        AssemblyStatus.Convened => "Convoquée",
        _ => "Close",
    };

    public static string Of(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "Pour",
        VoteChoice.Against => "Contre",
        VoteChoice.Abstain => "Abstention",
        _ => "Vote blanc",
    };
}

/// <summary>Builds a shareholder's view: holding today, category history, movements.</summary>
public sealed class ShareholderViews(PartageDbContext db, ShareRegister register)
{
    public async Task<ShareholderView> OfAsync(Shareholder s, CancellationToken ct)
    {
        var code = await register.EntityCodeAsync(s.LegalEntityId, ct);
        var movements = await db.Set<ShareMovement>().AsNoTracking().Where(m => m.ShareholderId == s.Id).OrderBy(m => m.On).ThenBy(m => m.Number).ToListAsync(ct);
        var categories = await db.Set<ShareholderCategoryChange>().AsNoTracking().Where(c => c.ShareholderId == s.Id).OrderBy(c => c.From).ToListAsync(ct);
        var holding = new Holding(movements.Sum(m => m.Shares), movements.Sum(m => m.SubscribedCents), movements.Sum(m => m.PaidCents));
        var firstSubscription = movements.FirstOrDefault(m => m.Kind == ShareMovementKind.Subscription)?.On;
        var deadline = holding.UnpaidCents > 0 && firstSubscription is { } from ? from.AddYears((int)Statutes.Number(code, Statutes.PaymentYears, from)) : (DateOnly?)null;
        return new ShareholderView(
            s.Id, code, s.Number, s.MemberId, s.Name, s.Email, s.Category, Statutes.CategoryLabel(s.Category), s.Status, GovernanceLabels.Of(s.Status), s.AppliedOn,
            s.RequestedShares, s.PaysByDeduction, s.AdmittedOn, s.Decision, s.LeftOn, s.LeaveReason, s.LeaveDecision, holding.Shares, Money.Eur(holding.SubscribedCents),
            Money.Eur(holding.PaidCents), Money.Eur(holding.UnpaidCents), deadline,
            categories.Select(c => new CategoryPeriod(c.Category, Statutes.CategoryLabel(c.Category), c.From)).ToList(),
            movements.Select(m => new ShareMovementView(m.Id, m.Number, m.Kind, GovernanceLabels.Of(m.Kind), m.On, m.Shares, Money.Eur(m.SubscribedCents), Money.Eur(m.PaidCents),
                m.Means, m.Decision, m.RecordedBy, m.Seal)).ToList());
    }
}
