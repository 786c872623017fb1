using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Clients.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// Demo clients in the countries of the 2016 report and invoices through the invoicing services
/// (so each has its number, Factur-X document and ledger entries): some paid, one partly, one
/// cancelled by a credit note, overdue ones at each dunning step, one disputed, one covered by the
/// guarantee fund, two quotes and a bank statement.
/// </summary>
public sealed class DemoSales(
    PartageDbContext db, IServiceProvider services, CreateClient createClient, CreateInvoiceDraft createDraft, IssueInvoice issue, CreditInvoice credit, SendInvoice send, RecordInvoicePayment recordPayment, CreateQuote createQuote, SendQuote sendQuote, AnswerQuote answerQuote,
    ImportBankStatement importStatement, CoverInvoice cover, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    public const int Invoices = 12;

    public const int Clients = 100;

    private const int PaymentTermsDays = 30;

    /// <summary>Overdue invoices: days since issue (30-day terms), and what happened to them.</summary>
    private static readonly (int IssuedDaysAgo, OverdueFate Fate)[] Overdue =
    [
        (75, OverdueFate.Covered), (62, OverdueFate.Dunned), (47, OverdueFate.Dunned), (40, OverdueFate.Disputed), (37, OverdueFate.Dunned),
    ];

    private enum OverdueFate
    {
        Dunned,
        Disputed,
        Covered,
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private DateOnly Today => clock.Today();

    public async Task SeedAsync(Faker faker, CancellationToken ct = default)
    {
        if (await db.Set<Client>().AnyAsync(ct))
        {
            return;
        }

        var clients = new List<ClientView>();
        foreach (var input in ClientInputs(faker, ReportDistributions.Apportion(ReportDistributions.Load().ClientCountries, Clients)))
        {
            clients.Add(await createClient.HandleAsync(input, Actor.System, ct));
        }

        // The demo member's activities first, so that membre@partage.test sees invoices.
        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.Status == ActivityStatus.Active)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Id).Take(Invoices).ToListAsync(ct);
        if (activities.Count == 0)
        {
            return;
        }

        // Invoices are numbered in date order: the overdue ones are issued first, on their past dates.
        await OverdueAsync(faker, clients, activities, ct);

        var unpaid = await InvoicesAsync(faker, clients, activities, ct);
        await QuotesAsync(clients, activities, ct);
        await StatementAsync(unpaid, ct);
    }

    /// <summary>An invoice per activity: paid, paid in part, credited, or sent and unpaid; the last one left as a draft. The unpaid ones, returned.</summary>
    private async Task<List<InvoiceView>> InvoicesAsync(Faker faker, List<ClientView> clients, List<ActivityId> activities, CancellationToken ct)
    {
        var unpaid = new List<InvoiceView>();
        for (var i = 0; i < Math.Min(Invoices, activities.Count); i++)
        {
            var client = clients[i % clients.Count];
            var draft = await createDraft.HandleAsync(Draft(faker, activities[i], client, Today.AddDays(-faker.Random.Int(3, 20)), null), Actor.System, ct);
            if (i == Invoices - 1)
            {
                continue;   // one draft left to issue
            }

            var issued = await issue.HandleAsync(draft.Id, Actor.System, ct);
            if (i % 3 == 0)
            {
                await recordPayment.HandleAsync(issued.Id, new PaymentInput(issued.Totals.Gross.Amount.ToString(Invariant), null, "VIR " + issued.PaymentReference), Actor.System, ct);
            }
            else if (i % 3 == 1)
            {
                await recordPayment.HandleAsync(issued.Id, new PaymentInput("100", null, "Acompte"), Actor.System, ct);
            }
            else if (i == 2)
            {
                await credit.HandleAsync(issued.Id, "Prestation annulée par le client", Actor.System, ct);
            }
            else
            {
                unpaid.Add(await send.HandleAsync(issued.Id, Actor.System, ct));
            }
        }

        return unpaid;
    }

    private async Task QuotesAsync(List<ClientView> clients, List<ActivityId> activities, CancellationToken ct)
    {
        // A quote sent and accepted, another waiting for its answer.
        for (var q = 0; q < 2 && q < activities.Count; q++)
        {
            var quote = await createQuote.HandleAsync(new QuoteInput(new DraftInput(activities[q].ToString(), clients[q].Id.ToString(), Day(Today.AddDays(20)), null, null, null, null,
                [new InvoiceLineInput("Concert et régie", "1", "C62", "1800", "FR_2_1")]), Day(Today.AddDays(30))), Actor.System, ct);
            var link = await sendQuote.HandleAsync(quote.Id, Actor.System, ct);
            if (q == 0)
            {
                await answerQuote.HandleAsync(link[(link.LastIndexOf('/') + 1)..], accept: true, clients[q].Contacts.FirstOrDefault()?.Name ?? "Client", "192.0.2.10", ct);
            }
        }
    }

    /// <summary>
    /// Invoices issued weeks ago and still unpaid, replayed day by day on a clock set back: each is
    /// dunned on the dates the schedule gives (reminders, then the formal notice), one is disputed
    /// (dunning paused), and the oldest, whose order was confirmed, is covered by the fund today.
    /// Dates before the current fiscal year (opened by the demo books) are left out.
    /// </summary>
    private async Task OverdueAsync(Faker faker, List<ClientView> clients, List<ActivityId> activities, CancellationToken ct)
    {
        var yearStart = new DateOnly(Today.Year, 1, 1);
        var events = new List<(DateOnly On, Func<TimeProvider, Task> Act)>();
        var dunningDays = new SortedSet<DateOnly>();
        InvoiceView? covered = null;
        for (var n = 0; n < Overdue.Length; n++)
        {
            var (daysAgo, fate) = Overdue[n];
            var issuedOn = Today.AddDays(-daysAgo);
            if (issuedOn < yearStart)
            {
                continue;
            }

            var (activity, client) = (activities[n % activities.Count], clients[(n * 5 + 1) % clients.Count]);
            var order = fate == OverdueFate.Covered ? $"BC-{issuedOn:yyyy}-{faker.Random.Int(100, 999)}" : null;
            var draft = Draft(faker, activity, client, issuedOn.AddDays(-10), order);
            InvoiceView? issued = null;
            events.Add((issuedOn, async at =>
            {
                var created = await createDraft.HandleAsync(draft, Actor.System, ct);
                issued = await services.Backdated<IssueInvoice, InvoiceIssuer>(at).HandleAsync(created.Id, Actor.System, ct);
                issued = await services.Backdated<SendInvoice>(at).HandleAsync(issued.Id, Actor.System, ct);
                covered = fate == OverdueFate.Covered ? issued : covered;
            }));
            if (fate == OverdueFate.Disputed)
            {
                events.Add((issuedOn.AddDays(PaymentTermsDays + 2), at => services.Backdated<DisputeInvoice>(at).HandleAsync(issued!.Id, "Le client conteste le nombre d'heures facturées.", Actor.System, ct)));
            }

            dunningDays.UnionWith(options.Value.DunningSchedule.Select(s => issuedOn.AddDays(PaymentTermsDays + s.DaysAfterDue)).Where(d => d <= Today));
        }

        // Dunning runs once on each day a step falls due, after that day's other events.
        events.AddRange(dunningDays.Select(day => (day, (Func<TimeProvider, Task>)(at => services.Backdated<RunDunning>(at).HandleAsync(Actor.System, ct)))));
        foreach (var (on, act) in events.OrderBy(e => e.On))
        {
            await act(new DemoClock(on));
        }

        if (covered is not null && covered.DueDate!.Value.AddDays(options.Value.GuaranteeFundDelayDays) <= Today)
        {
            await cover.HandleAsync(covered.Id, Actor.System, ct);
        }
    }

    /// <summary>This morning's bank statement: two invoices paid by their RF reference, one transfer nobody recognises.</summary>
    private async Task StatementAsync(List<InvoiceView> unpaid, CancellationToken ct)
    {
        var entity = unpaid.FirstOrDefault()?.EntityCode;
        if (entity is null)
        {
            return;
        }

        string Credit(string reference, decimal amount, string debtor, string remittance) =>
            $"<Ntry><Amt Ccy=\"EUR\">{amount.ToString("0.00", Invariant)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{Today:yyyy-MM-dd}</Dt></BookgDt><AcctSvcrRef>{reference}</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy=\"EUR\">{amount.ToString("0.00", Invariant)}</Amt><RltdPties><Dbtr><Pty><Nm>{System.Security.SecurityElement.Escape(debtor)}</Nm></Pty></Dbtr></RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>";
        var credits = unpaid.Where(u => u.EntityCode == entity).Take(2)
            .Select((inv, n) => Credit($"DEMO-{n + 1}", inv.Remaining.Amount, inv.ClientName, $"<Strd><CdtrRefInf><Ref>{inv.PaymentReference}</Ref></CdtrRefInf></Strd>"))
            .Append(Credit("DEMO-9", 250m, "M. DUPONT", "<Ustrd>VIR SEPA SOLDE</Ustrd>"));
        var statement = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>DEMO</MsgId><CreDtTm>{Today:yyyy-MM-dd}T06:00:00</CreDtTm></GrpHdr><Stmt><Id>DEMO-{Today:yyyyMMdd}</Id><CreDtTm>{Today:yyyy-MM-dd}T06:00:00</CreDtTm><Acct><Id><IBAN>{options.Value.Iban}</IBAN></Id></Acct>{string.Concat(credits)}</Stmt></BkToCstmrStmt></Document>";
        await importStatement.HandleAsync(entity, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(statement)), Actor.System, ct);
    }

    private static DraftInput Draft(Faker faker, ActivityId activity, ClientView client, DateOnly serviceFrom, string? purchaseOrder) =>
        new(activity.ToString(), client.Id.ToString(), Day(serviceFrom), null, null, purchaseOrder, PaymentTermsDays,
        [
            new(faker.PickRandom("Concert", "Création lumière", "Atelier d'écriture", "Montage vidéo", "Formation", "Captation"), "1", "C62",
                faker.Random.Int(300, 2_400).ToString(Invariant), "FR_20"),
            new("Déplacement et régie", faker.Random.Int(1, 8).ToString(Invariant), "HUR", "45.50", "FR_20"),
        ]);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>
    /// <paramref name="perCountry"/> clients per country label of the report: a few named ones
    /// first (so that the first invoices go to several countries and kinds of client), then
    /// generated ones. "Autres" are clients outside the EU.
    /// </summary>
    private static IEnumerable<ClientInput> ClientInputs(Faker faker, Dictionary<string, int> perCountry)
    {
        var named = new List<(string Label, ClientInput Input)>
        {
            ("France", French(faker, "Théâtre du Nord", "Association", "Association loi 1901", "Lille", "59000")),
            ("France", French(faker, "Compagnie des Ondes", "Company", "SAS", "Lyon", "69002")),
            ("Belgique", Foreign(faker, "Belgique", "La Monnaie Productions SRL")),
            ("Allemagne", Foreign(faker, "Allemagne", "Kulturhaus Köln GmbH")),
            ("Suisse", Foreign(faker, "Suisse", "Festival de Genève SA")),
            ("France", French(faker, "Studio Lumière Production", "Company", "SARL", "Nantes", "44000")),
            ("France", French(faker, "Ville de Roubaix", "PublicBody", "Collectivité territoriale", "Roubaix", "59100")),
            ("France", new ClientInput("Person", "Camille Martin", null, "FR", null, null, null, faker.Address.StreetAddress(), null, "59800", "Lille", null, "camille.martin@exemple.fr", [])),
        };
        var left = new Dictionary<string, int>(perCountry, StringComparer.Ordinal);
        foreach (var (label, input) in named.Where(n => left.GetValueOrDefault(n.Label) > 0))
        {
            left[label]--;
            yield return input;
        }

        foreach (var (label, count) in left.OrderByDescending(l => l.Value))
        {
            for (var n = 0; n < count; n++)
            {
                yield return label == "France"
                    ? faker.Random.Int(0, 9) switch
                    {
                        < 6 => French(faker, $"Compagnie {faker.Name.LastName()}", "Association", "Association loi 1901", faker.Address.City(), faker.Address.ZipCode("#####")),
                        < 8 => French(faker, $"{faker.Name.LastName()} Productions", "Company", faker.PickRandom("SARL", "SAS", "SCOP"), faker.Address.City(), faker.Address.ZipCode("#####")),
                        8 => French(faker, $"Ville {Kernel.French.Of(faker.Address.City())}", "PublicBody", "Collectivité territoriale", faker.Address.City(), faker.Address.ZipCode("#####")),
                        _ => Person(faker, faker.Name.FirstName(), faker.Name.LastName()),
                    }
                    : Foreign(faker, label);
            }
        }
    }

    private static string Siren(Faker faker)
    {
        while (true)
        {
            var candidate = faker.Random.ReplaceNumbers("#########");
            if (Kernel.Siren.TryParse(candidate, out _, out _))
            {
                return candidate;
            }
        }
    }

    // Bogus's French words may carry accents or punctuation ("florent,"): addresses keep ASCII letters and digits only.
    private static string Word(string text) =>
        new string(text.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant() is { Length: > 0 } word ? word : "exemple";

    private static ClientInput French(Faker faker, string name, string kind, string legalForm, string city, string postalCode)
    {
        var siren = Siren(faker);
        return new ClientInput(kind, name, legalForm, "FR", siren, null, Kernel.Siren.Parse(siren).VatNumber, faker.Address.StreetAddress(), null, postalCode, city, null,
            $"compta@{Word(faker.Internet.DomainWord())}.fr", [new ClientContactInput(faker.Name.FullName(), "Administration", null, null)]);
    }

    private static ClientInput Foreign(Faker faker, string label, string? name = null)
    {
        var (country, city, postalCode, vat, legalForm, mail) = ForeignPlaces[label][faker.Random.Int(0, ForeignPlaces[label].Length - 1)];
        return new ClientInput("Company", name ?? $"{faker.PickRandom("Festival", "Kulturcentrum", "Studio", "Théâtre", "Ensemble", "Productions")} {faker.Name.LastName()} {legalForm}",
            legalForm, country, null, null, vat is null ? null : country + faker.Random.ReplaceNumbers(vat), faker.Address.StreetAddress(), null, postalCode, city, null,
            $"{mail}@{Word(faker.Internet.DomainWord())}.{country.ToLowerInvariant()}", []);
    }

    private static ClientInput Person(Faker faker, string first, string last) => new("Person", $"{first} {last}", null, "FR", null, null, null, faker.Address.StreetAddress(), null,
        faker.Address.ZipCode("#####"), faker.Address.City(), null, $"{Word(first)}.{Word(last)}@exemple.fr", []);

    /// <summary>Country label of the report → places (ISO country, city, postal code, VAT number digits after the prefix, legal form, mailbox).</summary>
    private static readonly Dictionary<string, (string Country, string City, string PostalCode, string? Vat, string LegalForm, string Mail)[]> ForeignPlaces = new(StringComparer.Ordinal)
    {
        ["Belgique"] = [("BE", "Bruxelles", "1000", "0#########", "SRL", "comptabilite"), ("BE", "Liège", "4000", "0#########", "ASBL", "comptabilite"), ("BE", "Gent", "9000", "0#########", "VZW", "boekhouding")],
        ["Allemagne"] = [("DE", "Köln", "50668", "#########", "GmbH", "buchhaltung"), ("DE", "Berlin", "10115", "#########", "e.V.", "buchhaltung")],
        ["Suisse"] = [("CH", "Genève", "1204", null, "SA", "compta"), ("CH", "Lausanne", "1003", null, "Association", "compta")],
        ["Italie"] = [("IT", "Milano", "20121", "###########", "S.r.l.", "amministrazione"), ("IT", "Torino", "10121", "###########", "APS", "amministrazione")],
        ["Espagne"] = [("ES", "Barcelona", "08001", "B#######A", "S.L.", "contabilidad"), ("ES", "Madrid", "28001", "B#######C", "S.L.", "contabilidad")],
        ["Luxembourg"] = [("LU", "Luxembourg", "1111", "########", "S.à r.l.", "comptabilite")],
        ["Pays-Bas"] = [("NL", "Amsterdam", "1011", "#########B01", "B.V.", "administratie")],
        ["Suède"] = [("SE", "Stockholm", "111 20", "##########01", "AB", "ekonomi")],
        ["Autres"] = [("GB", "London", "EC1A 1BB", null, "Ltd", "accounts"), ("CA", "Montréal", "H2X 1Y4", null, "Inc.", "comptabilite"), ("US", "New York", "10001", null, "LLC", "accounts")],
    };
}
