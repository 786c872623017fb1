using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>The board's decision on an application, as governance staff record it: its reference ("CA du 12/03/2026"), the day, and whether the shares are paid at once.</summary>
public sealed record DecideApplicationInput(bool Approve, string? Decision, string? On = null, bool PaidInFull = false);

/// <summary>
/// Approval (or refusal) of an application by the board, as the statutes say. Approved, the applicant gets the next
/// number of the register, their category from that day, and the subscription of the shares asked — paid at once by
/// transfer, or left for the payroll to deduct; all of it one transaction, posted to the books.
/// </summary>
public sealed class DecideApplication(PartageDbContext db, ShareRegister register, NumberSeries numbers, INotificationsApi notifications, ShareholderViews views, IAuditLog audit)
{
    public async Task<ShareholderView> HandleAsync(ShareholderId id, DecideApplicationInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.NotFound);
        var v = new Validation();
        var decision = v.Required(nameof(input.Decision), "La décision (instance et date)", input.Decision, 300);
        var on = v.Date(nameof(input.On), "La date de la décision", input.On, required: false) ?? register.Today;
        if (on > register.Today)
        {
            v.Add(nameof(input.On), "La décision est prise : sa date n'est pas à venir.");
        }

        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var holder = await db.Set<Shareholder>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException(GovernanceErrors.NotFound);
        if (on < holder.AppliedOn)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(input.On)] = [$"La décision suit la candidature, reçue le {holder.AppliedOn:dd/MM/yyyy}."] });
        }

        if (holder.Status != ShareholderStatus.Applicant)
        {
            throw new DomainException(GovernanceErrors.WrongStatus, "Cette candidature est déjà décidée.");
        }

        holder.Decision = decision;
        if (!input.Approve)
        {
            holder.Status = ShareholderStatus.Refused;
            audit.Record(actor, "governance.application_refused", "shareholder", holder.Id.ToString(), new { Status = ShareholderStatus.Applicant }, new { decision });
        }
        else
        {
            var code = await register.EntityCodeAsync(holder.LegalEntityId, ct);
            (holder.Status, holder.AdmittedOn) = (ShareholderStatus.Admitted, on);
            holder.Number ??= await numbers.NextAsync($"shareholders:{code}", ct);
            db.Add(new ShareholderCategoryChange { ShareholderId = holder.Id, Category = holder.Category, From = on, RecordedBy = actor.Name });
            var subscribed = holder.RequestedShares * Statutes.Number(code, Statutes.SharesNominal, on);
            await register.RecordAsync(holder, new MovementRequest(ShareMovementKind.Subscription, on, holder.RequestedShares, subscribed, 0, Decision: decision), actor, ct);
            if (input.PaidInFull)
            {
                holder.PaysByDeduction = false;
                await register.RecordAsync(holder, new MovementRequest(ShareMovementKind.Payment, on, 0, 0, subscribed, PaymentMeans.Bank, Decision: decision), actor, ct);
            }

            audit.Record(actor, "governance.admitted", "shareholder", holder.Id.ToString(), new { Status = ShareholderStatus.Applicant }, new { holder.Number, decision, on });
        }

        if (holder.MemberId is { } member)
        {
            await notifications.NotifyMemberAsync(member, NoticeKind.SharesChanged, input.Approve
                ? $"Bienvenue parmi les sociétaires : {French.Count(holder.RequestedShares, "part souscrite", "parts souscrites")} ({decision})"
                : $"Votre candidature au sociétariat n'est pas retenue ({decision})", "/mes-parts", actor, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await views.OfAsync(holder, ct);
    }

    public static void Map(RouteGroupBuilder governance) =>
        governance.MapPost("/shareholders/{id:guid}/decision", async (Guid id, DecideApplicationInput input, DecideApplication handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ShareholderId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("DecideApplication").WithSummary("Admettre ou refuser un candidat au sociétariat (décision du conseil ; gouvernance)").ProducesProblems();
}
