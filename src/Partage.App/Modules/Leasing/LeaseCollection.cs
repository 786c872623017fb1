using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Members;
using Partage.App.Modules.Notifications;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Leasing;

/// <summary>An instalment presented by direct debit in this run, waiting for its file.</summary>
public sealed record PendingDebit(Lease Lease, LeaseInstalment Instalment, DirectDebitMandate Mandate, bool First);

public sealed record CollectionOutcome(int FromBudget, int Unpaid, IReadOnlyList<PendingDebit> Debits);

/// <summary>The steps of the day's collection, inside the caller's transaction (<see cref="Features.CollectInstalments"/>).</summary>
public sealed class LeaseCollection(PartageDbContext db, ILedgerApi ledger, LeasePostings postings, IMembersApi members, INotificationsApi notifications, Outbox outbox)
{
    /// <summary>
    /// Tells each member, by e-mail whatever their preferences (the SEPA rulebook's pre-notification) and in Partage, of the
    /// instalments due within the delay in force: taken from the budget if it covers them, otherwise debited from their account.
    /// </summary>
    public async Task<int> PrenotifyAsync(DateOnly date, Actor actor, CancellationToken ct)
    {
        var horizon = date.AddDays(LeasingTerms.Whole(LeasingTerms.PrenotificationDays, date));
        var due = await (from i in db.Set<LeaseInstalment>()
                         join l in db.Set<Lease>() on i.LeaseId equals l.Id
                         where l.Status == LeaseStatus.Active && l.Mandate != null && i.Status == InstalmentStatus.Due && i.PrenotifiedOn == null && i.DueOn >= date && i.DueOn <= horizon
                         select new { Instalment = i, Lease = l }).ToListAsync(ct);
        var contacts = await members.ContactsAsync(due.Select(d => d.Lease.MemberId).Distinct().ToList(), ct);
        var notices = new List<MemberNotice>();
        foreach (var d in due)
        {
            d.Instalment.PrenotifiedOn = date;
            var text = $"Échéance {d.Instalment.Number} du matériel {d.Lease.Number} : {Money.Eur(d.Instalment.AmountCents).ToDisplayString()} le {d.Instalment.DueOn:dd/MM/yyyy}, "
                + $"prise sur le budget de l'activité, ou à défaut prélevée sur le compte {Iban.Parse(d.Lease.Mandate!.Iban).Masked} (mandat {d.Lease.Mandate.Reference}).";
            notices.Add(new MemberNotice(d.Lease.MemberId, text, $"/materiel/{d.Lease.Id}"));
            if (contacts.GetValueOrDefault(d.Lease.MemberId) is { Email.Length: > 0 } contact)
            {
                outbox.Enqueue(contact.Email, $"Préavis de prélèvement — {d.Lease.Number}", text + "\n\nCe message est la pré-notification prévue par le règlement SEPA (identifiant de créancier et référence de mandat ci-dessus).");
            }
        }

        await notifications.NotifyMembersAsync(NoticeKind.LeaseDebitNotice, notices, actor, ct);
        return due.Count;
    }

    public async Task<CollectionOutcome> CollectAsync(DateOnly date, Actor actor, CancellationToken ct)
    {
        var rows = await (from i in db.Set<LeaseInstalment>()
                          join l in db.Set<Lease>() on i.LeaseId equals l.Id
                          where l.Status == LeaseStatus.Active && (i.Status == InstalmentStatus.Due || i.Status == InstalmentStatus.Unpaid) && i.DueOn <= date
                          orderby l.ActivityId, i.DueOn, i.Number
                          select new { Instalment = i, Lease = l }).ToListAsync(ct);
        var notice = LeasingTerms.Whole(LeasingTerms.PrenotificationDays, date);
        var (fromBudget, unpaid, debits, notices) = (0, 0, new List<PendingDebit>(), new List<MemberNotice>());
        foreach (var activity in rows.GroupBy(r => r.Lease.ActivityId))
        {
            var available = (await ledger.BudgetToSpendAsync(activity.Key, ct)).Available.Cents;
            foreach (var row in activity)
            {
                var (i, lease) = (row.Instalment, row.Lease);
                lease.Touch();
                if (available >= i.AmountCents)
                {
                    var entry = await postings.FromBudgetAsync(lease, Money.Eur(i.AmountCents), date, $"{lease.Number} : échéance {i.Number}", $"lease-instalment:{i.Id}:budget", actor, ct);
                    (i.Status, i.CollectedOn, i.EntryId) = (InstalmentStatus.Paid, date, entry.Id);
                    available -= i.AmountCents;
                    fromBudget++;
                }
                else if (i.Status == InstalmentStatus.Due && lease.Mandate is { } mandate && i.PrenotifiedOn is { } told && told.AddDays(notice) <= i.DueOn)
                {
                    var entry = await postings.DirectDebitAsync(lease, Money.Eur(i.AmountCents), date, $"{lease.Number} : échéance {i.Number} prélevée", $"lease-instalment:{i.Id}:debit", actor, ct);
                    (i.Status, i.CollectedOn, i.EntryId) = (InstalmentStatus.DirectDebited, date, entry.Id);
                    debits.Add(new PendingDebit(lease, i, mandate, !mandate.Used));
                    mandate.Used = true;
                    notices.Add(new MemberNotice(lease.MemberId, $"Échéance {i.Number} du matériel {lease.Number} prélevée sur votre compte : le budget de l'activité ne la couvrait pas", $"/materiel/{lease.Id}"));
                }
                else if (i.Status == InstalmentStatus.Due)
                {
                    i.Status = InstalmentStatus.Unpaid;
                    unpaid++;
                    notices.Add(new MemberNotice(lease.MemberId, $"Échéance {i.Number} du matériel {lease.Number} impayée : elle sera prise sur le budget dès qu'il la couvrira", $"/materiel/{lease.Id}"));
                }
            }
        }

        await notifications.NotifyMembersAsync(NoticeKind.LeaseChanged, notices, actor, ct);
        return new CollectionOutcome(fromBudget, unpaid, debits);
    }
}
