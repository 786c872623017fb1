using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record TransferSharesInput(string? ToShareholderId, string? Shares, string? Decision, string? On = null);

/// <summary>
/// A transfer of shares between two shareholders of the same cooperative, approved as the statutes say (the decision is
/// required): only fully paid shares change hands; the register writes both lines; the capital does not change, so
/// nothing is posted.
/// </summary>
public sealed class TransferShares(PartageDbContext db, ShareRegister register, ShareholderViews views)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, TransferSharesInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var v = new Validation();
        // The receiver by id (API) or by their number in the register (what staff type).
        var number = ShareRegister.NumberIn(input.ToShareholderId);
        var to = number is null ? v.Id<ShareholderId>(nameof(input.ToShareholderId), "Le sociétaire qui reçoit les parts", input.ToShareholderId, required: true) : null;
        var shares = ApplyForShares.Shares(v, input.Shares);
        var decision = v.Required(nameof(input.Decision), "L'agrément de la cession (instance et date)", input.Decision, 300);
        var on = RegisterDates.NotAhead(v, register, input.On);
        if (to == id)
        {
            v.Add(nameof(input.ToShareholderId), "On ne se cède pas ses propres parts.");
        }

        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var holder = await RegisterDates.AdmittedAsync(db, id, ct);
        var receiver = await db.Set<Shareholder>().Where(s => s.LegalEntityId == holder.LegalEntityId)
            .SingleOrDefaultAsync(s => number != null ? s.Number == number : s.Id == to!.Value, ct);
        if (receiver?.Status != ShareholderStatus.Admitted || receiver.Id == holder.Id)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(input.ToShareholderId)] = ["Les parts ne vont qu'à un autre sociétaire admis de la même coopérative."] });
        }

        await RegisterDates.NotBeforeLastAsync(db, holder, on, ct);
        await RegisterDates.NotBeforeLastAsync(db, receiver, on, ct);
        var nominal = await register.NominalCentsAsync(holder.LegalEntityId, on, ct);
        var holding = await register.HoldingAsync(holder, DateOnly.MaxValue, ct);
        var value = shares!.Value * nominal;
        if (shares.Value > holding.Shares || value > holding.PaidCents)
        {
            throw new DomainException(GovernanceErrors.NotEnoughShares, $"{holder.Name} détient {French.Count(holding.Shares, "part")}, dont {Money.Eur(holding.PaidCents).ToDisplayString()} libérés.");
        }

        await register.RecordAsync(holder, new MovementRequest(ShareMovementKind.TransferOut, on, -shares.Value, -value, -value, Counterpart: receiver.Id, Decision: decision), actor, ct);
        await register.RecordAsync(receiver, new MovementRequest(ShareMovementKind.TransferIn, on, shares.Value, value, value, Counterpart: holder.Id, Decision: decision), actor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders/{id:guid}/transfers", async (Guid id, TransferSharesInput input, TransferShares handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("TransferShares").WithSummary("Céder des parts libérées à un autre sociétaire (agrément requis ; gouvernance)").ProducesProblems();
}
