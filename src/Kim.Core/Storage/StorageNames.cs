namespace Kim.Core.Storage;

/// <summary>
/// Every table, queue and blob container Kim uses, in one place: start-up creates exactly these.
/// Add a name here and it is created on the next start. Names follow the services' rules
/// (tables alphanumeric; queues and containers lower-case letters, digits and hyphens).
/// </summary>
public static class StorageNames
{
    /// <summary>Workflow instances (one row per instance, plus history rows in the same partition).</summary>
    public const string InstancesTable = "instances";

    /// <summary>Derived index rows of the runtime: instances by status, by workflow, needing attention.</summary>
    public const string InstanceIndexTable = "instanceindex";

    /// <summary>Which mails were claimed and sent, by delivery key (docs/mail.md, "Once per recipient").</summary>
    public const string MailLedgerTable = "mailledger";

    /// <summary>The development mailbox: mails Kim would have sent, in Development without a SendGrid key.</summary>
    public const string DevMailboxTable = "devmailbox";

    /// <summary>Progress of schedules: the last processed reminder occurrence.</summary>
    public const string SchedulesTable = "schedules";

    /// <summary>The listing of case documents (bytes in <see cref="DocumentsContainer"/>), a partition per case.</summary>
    public const string DocumentsTable = "documents";

    /// <summary>The access log of cases, a partition per case, append-only.</summary>
    public const string AuditTable = "audit";

    /// <summary>Partners' intakes by idempotency key (partition per partner): the case each became and its fingerprint.</summary>
    public const string IntakesTable = "intakes";

    /// <summary>Intakes per partner and Europe/Berlin day, for the daily intake quota: a partition per partner, a row per day.</summary>
    public const string IntakeQuotaTable = "intakequota";

    /// <summary>Staff records: a listing partition per district, lookup partitions by id and by Entra object id.</summary>
    public const string StaffTable = "staff";

    /// <summary>Partner records: a partition by id and a lookup partition by API key hash.</summary>
    public const string PartnersTable = "partners";

    /// <summary>The municipalities of each district, a partition per district.</summary>
    public const string MunicipalitiesTable = "municipalities";

    /// <summary>The case list projection: a partition per municipality, a row per case (derived; rebuilt from the instances).</summary>
    public const string CaseListTable = "caselist";

    /// <summary>
    /// The due-date index of the reminder digest: per district, rows keyed by the instant an item
    /// enters the digest, plus one pointer row per case (docs/mail.md, "Due-date index").
    /// </summary>
    public const string DueIndexTable = "dueindex";

    /// <summary>
    /// The outbox of orchestration wake-ups: written before a commit that gives a record new timers
    /// or actions, deleted once the orchestrations were woken; a sweep wakes what a crash left.
    /// </summary>
    public const string ClockWakesTable = "clockwakes";

    /// <summary>
    /// Deleted cases whose Durable instances are still to be purged from the task hub
    /// (<c>CaseInstancePurge</c>): a row per case, deleted once none has been left for the purge's grace
    /// (two minutes), or an hour after it was written should the case's record exist.
    /// </summary>
    public const string InstancePurgesTable = "instancepurges";

    /// <summary>
    /// The anonymous statistics rows of cases (docs/reports.md): a partition per district, a row per
    /// case under a random key that names no case. Kept when a case is deleted.
    /// </summary>
    public const string CaseStatisticsTable = "casestatistics";

    /// <summary>Which statistics row belongs to which case: a partition per case, deleted with the case.</summary>
    public const string CaseStatisticsKeysTable = "casestatisticskeys";

    /// <summary>Documents uploaded to cases and intakes.</summary>
    public const string DocumentsContainer = "documents";

    public static IReadOnlyList<string> Tables { get; } =
        [InstancesTable, InstanceIndexTable, MailLedgerTable, DevMailboxTable, SchedulesTable, DocumentsTable, AuditTable,
         IntakesTable, IntakeQuotaTable, StaffTable, PartnersTable, MunicipalitiesTable, CaseListTable, DueIndexTable, ClockWakesTable, InstancePurgesTable,
         CaseStatisticsTable, CaseStatisticsKeysTable];

    public static IReadOnlyList<string> Queues { get; } = [];

    public static IReadOnlyList<string> Containers { get; } = [DocumentsContainer];
}
