using Partage.App.Modules.Activities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Purchases;

public sealed record ExpenseNoteView(
    ExpenseNoteId Id, MemberId MemberId, OfficeId OfficeId, ActivityId ActivityId, string? ActivityName, string? Number, DateOnly Date, string Description,
    ExpenseCategory Category, string CategoryLabel, Money Amount, Money Vat, decimal? Kilometres, int? FiscalPower, bool Electric, string? ReceiptName,
    ExpenseNoteStatus Status, string StatusLabel, DateTime SubmittedAt, string? DecidedBy, DateTime? DecidedAt, string? RefusalReason, DateOnly? PaidOn,
    string? JobNumber, JobAllowance? Allowance, string? AllowanceLabel, int? AllowanceCount)
{
    public static ExpenseNoteView Of(ExpenseNote n, string? activityName) => new(
        n.Id, n.MemberId, n.OfficeId, n.ActivityId, activityName, n.Number, n.Date, n.Description, n.Category, ExpenseCategories.Label(n.Category), n.Amount,
        Money.Eur(n.VatCents), n.Kilometres, n.FiscalPower, n.Electric, n.ReceiptName, n.Status, ExpenseNoteLabels.Status(n.Status), n.SubmittedAt, n.DecidedBy,
        n.DecidedAt, n.RefusalReason, n.PaidOn, n.JobNumber, n.Allowance, n.Allowance is { } a ? JobAllowances.Label(a) : null, n.AllowanceCount);

    public static async Task<IReadOnlyList<ExpenseNoteView>> ManyAsync(IReadOnlyList<ExpenseNote> notes, IActivitiesApi activities, CancellationToken ct)
    {
        var names = await activities.NamesAsync(notes.Select(n => n.ActivityId).ToList(), ct);
        return notes.Select(n => Of(n, names.GetValueOrDefault(n.ActivityId))).ToList();
    }
}

public static class ExpenseNoteAccess
{
    /// <summary>Finance sees every note, a manager their office's, a member their own; anyone else none (404).</summary>
    public static IQueryable<ExpenseNote> Visible(this IQueryable<ExpenseNote> notes, Actor actor)
    {
        if (PurchasesAccess.SeesAll(actor))
        {
            return notes;
        }

        if (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office)
        {
            return notes.Where(n => n.OfficeId == office);
        }

        return actor.MemberId is { } member ? notes.Where(n => n.MemberId == member) : notes.Where(_ => false);
    }

    /// <summary>Who approves or refuses: a manager of the member's office, finance — never the member who spent.</summary>
    public static bool CanDecide(Actor actor, OfficeId office, MemberId member) =>
        actor.MemberId != member && (PurchasesAccess.SeesAll(actor) || actor.IsManagerOf(office));
}
