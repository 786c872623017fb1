using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>A new draft invoice for an active activity the actor may invoice for.</summary>
public sealed class CreateInvoiceDraft(
    PartageDbContext db, DraftRules rules, IActivitiesApi activities, ILegalEntitiesApi entities, IAuditLog audit, GetInvoice views, TimeProvider clock)
{
    public async Task<InvoiceView> HandleAsync(DraftInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = new Validation();
        var activityId = v.Id<ActivityId>(nameof(input.ActivityId), "L'activité", input.ActivityId, required: true);
        v.ThrowIfInvalid();
        var activity = await activities.FindVisibleAsync(activityId!.Value, actor, ct);
        if (activity is null || !InvoicingAccess.CanEdit(actor, activity))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        if (activity.Status != ActivityStatus.Active)
        {
            throw new DomainException(InvoicingErrors.ActivityInactive);
        }

        var entity = (await entities.ListAsync(ct)).Single(e => e.Code == activity.LegalEntityCode);
        var (client, content) = await rules.CheckAsync(input, actor, activity.MemberId, ct);
        var invoice = new Invoice
        {
            Id = TypedId.New<InvoiceId>(), Kind = InvoiceKind.Invoice, LegalEntityId = entity.Id, ActivityId = activity.Id,
            ModuleCode = activity.ModuleCode, MemberId = activity.MemberId, OfficeId = activity.OfficeId, ClientId = client.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        DraftRules.Apply(invoice, content);
        db.Add(invoice);
        audit.Record(actor, "invoicing.draft_created", "invoice", invoice.Id.ToString(), null, new { ActivityId = activity.Id.Value, ClientId = client.Id.Value, invoice.NetCents });
        await db.SaveChangesAsync(ct);
        return await views.HandleAsync(invoice.Id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/", async (DraftInput input, CreateInvoiceDraft handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var invoice = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/invoices/{invoice.Id}", invoice);
            })
            .WithName("CreateInvoiceDraft").WithSummary("Nouveau brouillon de facture").ProducesProblems();
    }
}
