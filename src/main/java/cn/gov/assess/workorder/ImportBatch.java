package cn.gov.assess.workorder;

import jakarta.persistence.*;
import java.time.LocalDateTime;

/** 一次导入的一个文件，带内容指纹。 */
@Entity
@Table(name = "import_batch")
public class ImportBatch {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_batch_seq")
    @SequenceGenerator(name = "import_batch_seq", sequenceName = "import_batch_seq", allocationSize = 1)
    private Long id;
    @Column(name = "file_name", nullable = false, length = 500)
    private String fileName;
    @Column(name = "file_sha256", nullable = false, length = 64, columnDefinition = "char(64)")
    private String fileSha256;
    @Column(nullable = false, length = 20)
    private String kind;
    @Column(name = "imported_at", nullable = false)
    private LocalDateTime importedAt;
    @Column(name = "rows_read", nullable = false)
    private int rowsRead;
    @Column(name = "rows_added", nullable = false)
    private int rowsAdded;

    protected ImportBatch() {
    }

    public ImportBatch(String fileName, String fileSha256, String kind, LocalDateTime importedAt, int rowsRead, int rowsAdded) {
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.kind = kind;
        this.importedAt = importedAt;
        this.rowsRead = rowsRead;
        this.rowsAdded = rowsAdded;
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public int getRowsAdded() { return rowsAdded; }
}
