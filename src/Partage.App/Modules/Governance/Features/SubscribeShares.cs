using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record SubscribeSharesInput(string? Shares, string? On = null, string? Decision = null, bool PaysByDeduction = false);

/// <summary>A shareholder subscribes more shares (capital is variable): paid later by transfer, or by payroll deduction for a member.</summary>
public sealed class SubscribeShares(PartageDbContext db, ShareRegister register, INotificationsApi notifications, ShareholderViews views)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, SubscribeSharesInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var v = new Validation();
        var shares = ApplyForShares.Shares(v, input.Shares);
        var on = RegisterDates.NotAhead(v, register, input.On);
        var decision = v.Optional(nameof(input.Decision), "La décision", input.Decision, 300);
        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var holder = await RegisterDates.AdmittedAsync(db, id, ct);
        await RegisterDates.NotBeforeLastAsync(db, holder, on, ct);
        var code = await register.EntityCodeAsync(holder.LegalEntityId, ct);
        var subscribed = shares!.Value * Statutes.Number(code, Statutes.SharesNominal, on);
        holder.PaysByDeduction = input.PaysByDeduction && holder.MemberId is not null;
        await register.RecordAsync(holder, new MovementRequest(ShareMovementKind.Subscription, on, shares.Value, subscribed, 0, Decision: decision), actor, ct);
        if (holder.MemberId is { } member)
        {
            await notifications.NotifyMemberAsync(member, NoticeKind.SharesChanged, $"{French.Count(shares.Value, "part souscrite", "parts souscrites")} ({Money.Eur(subscribed).ToDisplayString()})", "/mes-parts", actor, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders/{id:guid}/subscriptions", async (Guid id, SubscribeSharesInput input, SubscribeShares handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("SubscribeShares").WithSummary("Souscrire des parts supplémentaires (gouvernance)").ProducesProblems();
}
