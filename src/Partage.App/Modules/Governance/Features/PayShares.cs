using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

public sealed record PaySharesInput(string? Amount, string? On = null);

/// <summary>A transfer received for subscribed shares (finance sees it on the bank statement; governance records it here): at most what is still unpaid.</summary>
public sealed class PayShares(PartageDbContext db, ShareRegister register, ShareholderViews views)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, PaySharesInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var v = new Validation();
        var amount = v.Amount(nameof(input.Amount), "Le montant versé", input.Amount, required: true);
        if (amount is { IsZero: true })
        {
            v.Add(nameof(input.Amount), "Le montant versé est supérieur à zéro.");
        }

        var on = RegisterDates.NotAhead(v, register, input.On);
        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var holder = await RegisterDates.AdmittedAsync(db, id, ct);
        await RegisterDates.NotBeforeLastAsync(db, holder, on, ct);
        var holding = await register.HoldingAsync(holder, DateOnly.MaxValue, ct);
        if (amount!.Value.Cents > holding.UnpaidCents)
        {
            throw new DomainException(GovernanceErrors.Overpaid, $"Il reste {Money.Eur(holding.UnpaidCents).ToDisplayString()} à libérer.");
        }

        await register.RecordAsync(holder, new MovementRequest(ShareMovementKind.Payment, on, 0, 0, amount.Value.Cents, PaymentMeans.Bank), actor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders/{id:guid}/payments", async (Guid id, PaySharesInput input, PayShares handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("PayShares").WithSummary("Enregistrer la libération de parts par virement (gouvernance)").ProducesProblems();
}
