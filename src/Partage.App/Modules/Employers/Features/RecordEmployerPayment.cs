using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record EmployerPaymentInput(string? Amount, string? Date);

/// <summary>Finance records the employer's transfer: 512 against the employer's 411; paid once the total is covered.</summary>
public sealed class RecordEmployerPayment(PartageDbContext db, EmployerReceivables receivables, GetEmployerInvoice views)
{
    public async Task<EmployerInvoiceView> HandleAsync(Guid id, EmployerPaymentInput input, Actor actor, CancellationToken ct = default)
    {
        if (!(actor.IsAdmin || actor.IsInRole(Roles.Finance)))
        {
            throw new DomainException(EmployersErrors.NotFound);
        }

        var invoice = await db.Set<EmployerInvoice>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var amount = v.Amount("Amount", "Le montant reçu", input.Amount, required: true);
        var date = v.Date("Date", "La date du virement", input.Date, required: true);
        if (amount is { } a && a.Cents > invoice.Outstanding.Cents)
        {
            v.Add("Amount", $"Le montant dépasse le reste dû ({invoice.Outstanding.ToDisplayString()}).");
        }

        v.ThrowIfInvalid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await receivables.SettleAsync(invoice, amount!.Value, date!.Value, ChartOfAccounts.Bank, invoice.Number, actor, ct);
        await transaction.CommitAsync(ct);
        return await views.HandleAsync(id, actor, ct);
    }

    public static void Map(RouteGroupBuilder invoices)
    {
        invoices.MapPost("/{id:guid}/payments", async (Guid id, EmployerPaymentInput input, RecordEmployerPayment handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(id, input, await actors.GetAsync(ct), ct))
            .WithName("RecordEmployerPayment").WithSummary("Enregistrer le règlement d'un employeur (finance)").ProducesProblems();
    }
}
