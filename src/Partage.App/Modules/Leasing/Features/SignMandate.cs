using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing.Features;

public sealed record SignMandateInput(string? DebtorName, string? Iban, bool Accept);

/// <summary>
/// The member authorises the cooperative to debit their own account for the instalments the activity's budget does not
/// cover: a SEPA Core mandate with its unique reference (RUM: the lease's number and "-M1"), the debtor's name and account,
/// signed today by the member in Partage (finance may record a mandate signed on paper). A new mandate replaces the
/// previous one under the next reference ("-M2"…); the next debit under it is then a first one (FRST).
/// </summary>
public sealed class SignMandate(PartageDbContext db, LeaseViews views, IAuditLog audit, TimeProvider clock)
{
    public async Task<LeaseView> HandleAsync(LeaseId id, SignMandateInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lease = await db.Set<Lease>().Visible(actor).SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new DomainException(LeasingErrors.NotFound);
        if (actor.MemberId != lease.MemberId && !LeasingAccess.IsFinance(actor))
        {
            throw new DomainException(LeasingErrors.NotFound);
        }

        var v = new Validation();
        var name = v.PersonName(nameof(input.DebtorName), "Le titulaire du compte", input.DebtorName, 140);
        Iban? iban = null;
        if (!Kernel.Iban.TryParse(input.Iban, out iban, out var error))
        {
            v.Add(nameof(input.Iban), error);
        }

        if (!input.Accept)
        {
            v.Add(nameof(input.Accept), "Cochez l'autorisation de prélèvement pour signer le mandat.");
        }

        v.ThrowIfInvalid();
        LeaseDecisions.RequireStatus(lease, LeaseStatus.Approved, LeaseStatus.Active);
        var before = lease.Mandate?.Reference;
        var sequence = before is null ? 1 : int.Parse(before[(before.LastIndexOf("-M", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        lease.Mandate = new DirectDebitMandate { Reference = $"{lease.Number}-M{sequence}", DebtorName = name, Iban = iban!.Value, SignedOn = clock.Today(), Used = false };
        lease.Touch();
        audit.Record(actor, "leasing.mandate_signed", "lease", lease.Id.ToString(), before is null ? null : new { Reference = before }, new { lease.Mandate.Reference, Iban = iban.Masked });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(lease, ct);
    }

    public static void Map(RouteGroupBuilder leasing) =>
        leasing.MapPost("/leases/{id:guid}/mandate", async (Guid id, SignMandateInput input, SignMandate handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(LeaseId.From(id), input, await actors.GetAsync(ct), ct)))
            .WithName("SignLeaseMandate").WithSummary("Signer le mandat de prélèvement SEPA du contrat (le membre ; finance pour un mandat papier)").ProducesProblems();
}
