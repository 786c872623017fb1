namespace Partage.Kernel;

// The identifiers of the platform's records. They live in the shared kernel, not in the module that
// owns the record, so that naming another module's record (an invoice's activity, a job's member)
// is not a dependency on that module: the module graph stays free of cycles (docs/architecture.md).

/// <summary>Identifies a record of the Invoicing module.</summary>
public readonly record struct InvoiceId(Guid Value) : ITypedId<InvoiceId>
{
    public static InvoiceId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Offices module.</summary>
public readonly record struct OfficeId(Guid Value) : ITypedId<OfficeId>
{
    public static OfficeId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Offices module.</summary>
public readonly record struct ActivityManagerId(Guid Value) : ITypedId<ActivityManagerId>
{
    public static ActivityManagerId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Clients module.</summary>
public readonly record struct ClientId(Guid Value) : ITypedId<ClientId>
{
    public static ClientId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Employers module.</summary>
public readonly record struct EmployerId(Guid Value) : ITypedId<EmployerId>
{
    public static EmployerId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Ledger module.</summary>
public readonly record struct AccountId(Guid Value) : ITypedId<AccountId>
{
    public static AccountId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Ledger module.</summary>
public readonly record struct EntryId(Guid Value) : ITypedId<EntryId>
{
    public static EntryId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Payroll module.</summary>
public readonly record struct JobId(Guid Value) : ITypedId<JobId>
{
    public static JobId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Payroll module.</summary>
public readonly record struct PayslipId(Guid Value) : ITypedId<PayslipId>
{
    public static PayslipId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the LegalEntities module.</summary>
public readonly record struct LegalEntityId(Guid Value) : ITypedId<LegalEntityId>
{
    public static LegalEntityId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Activities module.</summary>
public readonly record struct ActivityId(Guid Value) : ITypedId<ActivityId>
{
    public static ActivityId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a record of the Members module.</summary>
public readonly record struct MemberId(Guid Value) : ITypedId<MemberId>
{
    public static MemberId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a supplier's invoice in the Purchases module.</summary>
public readonly record struct SupplierInvoiceId(Guid Value) : ITypedId<SupplierInvoiceId>
{
    public static SupplierInvoiceId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a member's expense note in the Purchases module.</summary>
public readonly record struct ExpenseNoteId(Guid Value) : ITypedId<ExpenseNoteId>
{
    public static ExpenseNoteId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a shareholder ("sociétaire") in a cooperative's share register (Governance module).</summary>
public readonly record struct ShareholderId(Guid Value) : ITypedId<ShareholderId>
{
    public static ShareholderId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a general assembly of a cooperative (Governance module).</summary>
public readonly record struct AssemblyId(Guid Value) : ITypedId<AssemblyId>
{
    public static AssemblyId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>Identifies an equipment lease of the Leasing module (Matlease).</summary>
public readonly record struct LeaseId(Guid Value) : ITypedId<LeaseId>
{
    public static LeaseId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
