using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record RedeemSharesInput(string? Decision, string? On = null);

/// <summary>
/// The redemption of a former shareholder's shares once the statutory delay after their leaving has run, approved by
/// the board: the capital shrinks by all their shares; what they had paid is owed to them (4567, paid by finance), the
/// unpaid subscription is cancelled.
/// </summary>
public sealed class RedeemShares(PartageDbContext db, ShareRegister register, INotificationsApi notifications, ShareholderViews views)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, RedeemSharesInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var v = new Validation();
        var decision = v.Required(nameof(input.Decision), "L'accord du conseil (instance et date)", input.Decision, 300);
        var on = RegisterDates.NotAhead(v, register, input.On);
        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var holder = await db.Set<Shareholder>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException(GovernanceErrors.NotFound);
        if (holder.Status != ShareholderStatus.Left || holder.LeftOn is not { } left)
        {
            throw new DomainException(GovernanceErrors.WrongStatus, "On ne rembourse que les parts d'un sociétaire sorti (démission, exclusion, décès).");
        }

        var code = await register.EntityCodeAsync(holder.LegalEntityId, ct);
        var earliest = left.AddMonths((int)Statutes.Number(code, Statutes.RedemptionDelayMonths, left));
        if (on < earliest)
        {
            throw new DomainException(GovernanceErrors.TooEarly, $"Les parts de {holder.Name} se remboursent à partir du {earliest:dd/MM/yyyy}.");
        }

        var holding = await register.HoldingAsync(holder, DateOnly.MaxValue, ct);
        if (holding.Shares == 0 && holding.SubscribedCents == 0)
        {
            throw new DomainException(GovernanceErrors.WrongStatus, "Ces parts sont déjà remboursées.");
        }

        await register.RecordAsync(holder, new MovementRequest(ShareMovementKind.Redemption, on, -holding.Shares, -holding.SubscribedCents, -holding.PaidCents, Decision: decision), actor, ct);
        if (holder.MemberId is { } member)
        {
            await notifications.NotifyMemberAsync(member, NoticeKind.SharesChanged, $"Vos parts sont remboursées : {Money.Eur(holding.PaidCents).ToDisplayString()} vous seront versés", "/mes-parts", actor, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders/{id:guid}/redemption", async (Guid id, RedeemSharesInput input, RedeemShares handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("RedeemShares").WithSummary("Rembourser les parts d'un sociétaire sorti, après le délai statutaire (accord du conseil ; gouvernance)").ProducesProblems();
}
